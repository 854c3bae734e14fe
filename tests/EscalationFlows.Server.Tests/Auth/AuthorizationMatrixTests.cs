using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Auth;

/// <summary>
/// Each role (and an anonymous caller) against each endpoint, including tasks queued for the caller's team, assigned to
/// the caller, and assigned to someone else: exactly the documented answer (docs/roles.md), never more. The client's
/// signed-link endpoints (GET /api/escalations/{id}/client, POST …/client/confirm|reject) are anonymous by design and
/// guarded by the link's token instead; EscalationApiErrorTests covers them.
/// </summary>
public sealed class AuthorizationMatrixTests(MatrixFixture matrix) : IClassFixture<MatrixFixture>
{
    private static readonly string[] Everyone = [.. Roles.All];
    private static readonly string[] DefinitionReaders = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager, Roles.Leadership, Roles.Viewer];
    private static readonly string[] DefinitionEditors = [Roles.Admin, Roles.ProcessOwner];
    private static readonly string[] Operators = [Roles.Admin, Roles.ProcessOwner, Roles.EscalationManager];
    private static readonly string[] AdminOnly = [Roles.Admin];
    private static readonly string[] Managers = [Roles.Admin, Roles.EscalationManager];
    private static readonly string[] TaskReaders = [Roles.Admin, Roles.EscalationManager, Roles.Leadership, Roles.Viewer];
    private static readonly string[] NetworkWorkers = [Roles.Agent, Roles.Resolver];
    private static readonly string[] TicketWriters = [Roles.Admin, Roles.EscalationManager, Roles.Agent];
    private static readonly string[] Elevators = [Roles.Admin, Roles.EscalationManager, Roles.Leadership];

    /// <summary>Endpoint → (roles allowed, success status, how to build the request).</summary>
    private static readonly Dictionary<string, (string[] Allowed, HttpStatusCode Success, Func<MatrixFixture, string, Task<HttpRequestMessage>> Request)> Endpoints = new()
    {
        ["GET definitions"] = (DefinitionReaders, HttpStatusCode.OK, (_, _) => Get("/api/workflow-definitions")),
        ["GET definition"] = (DefinitionReaders, HttpStatusCode.OK, async (m, _) => Get($"/api/workflow-definitions/{await PublishedAsync(m)}").Result),
        ["GET definition versions"] = (DefinitionReaders, HttpStatusCode.OK, async (m, _) => Get($"/api/workflow-definitions/{await PublishedAsync(m)}/versions").Result),
        ["GET definition diff"] = (DefinitionReaders, HttpStatusCode.OK, async (m, _) => Get($"/api/workflow-definitions/{await PublishedAsync(m)}/diff?from=1&to=1").Result),
        ["GET definition export"] = (DefinitionReaders, HttpStatusCode.OK, async (m, _) => Get($"/api/workflow-definitions/{await PublishedAsync(m)}/export").Result),
        ["POST save definition"] = (DefinitionEditors, HttpStatusCode.Created, (_, _) => Post("/api/workflow-definitions", Workflows.Finishing(Ids.New("m-save")).Json)),
        ["POST validate definition"] = (DefinitionEditors, HttpStatusCode.OK, (_, _) => Post("/api/workflow-definitions/validate", Workflows.Finishing(Ids.New("m-val")).Json)),
        ["POST import definition"] = (DefinitionEditors, HttpStatusCode.Created, (_, _) => Post("/api/workflow-definitions/import", Workflows.Finishing(Ids.New("m-imp")).Json)),
        ["POST import and publish"] = (AdminOnly, HttpStatusCode.Created, (_, _) => Post("/api/workflow-definitions/import?publish=true", Workflows.Finishing(Ids.New("m-imp")).Json)),
        ["POST publish"] = (AdminOnly, HttpStatusCode.OK, async (m, _) => Post($"/api/workflow-definitions/{await DraftAsync(m)}/publish", "{}").Result),
        ["POST retract"] = (AdminOnly, HttpStatusCode.OK, async (m, _) => Post($"/api/workflow-definitions/{await PublishedAsync(m)}/retract", "{}").Result),
        ["DELETE draft"] = (DefinitionEditors, HttpStatusCode.NoContent, async (m, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/workflow-definitions/{await DraftAsync(m)}/versions/1")),
        ["POST start instance"] = (Operators, HttpStatusCode.Created, async (m, _) => Post("/api/workflow-instances", new JsonObject { ["definitionId"] = await PublishedAsync(m) }.ToJsonString()).Result),
        ["GET instances"] = (DefinitionReaders, HttpStatusCode.OK, (_, _) => Get("/api/workflow-instances")),
        ["GET instance"] = (DefinitionReaders, HttpStatusCode.OK, async (m, _) => Get($"/api/workflow-instances/{await WaitingAsync(m)}").Result),
        ["GET journal"] = (DefinitionReaders, HttpStatusCode.OK, async (m, _) => Get($"/api/workflow-instances/{await WaitingAsync(m)}/journal").Result),
        ["POST cancel instance"] = (Operators, HttpStatusCode.OK, async (m, _) => Post($"/api/workflow-instances/{await WaitingAsync(m)}/cancel", "{}").Result),
        ["POST retry instance"] = (Operators, HttpStatusCode.OK, async (m, _) => Post($"/api/workflow-instances/{await FaultedAsync(m)}/retry", "{}").Result),
        ["POST resume bookmark"] = (Operators, HttpStatusCode.OK, async (m, _) => Post($"/api/bookmarks/{await EventBookmarkAsync(m)}/resume", "{}").Result),
        ["POST event"] = (Operators, HttpStatusCode.OK, (_, _) => Post($"/api/events/{Ids.New("m-evt")}", "{}")),
        ["GET descriptors"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/activity-descriptors")),
        ["GET me"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/auth/me")),
        ["POST user"] = (AdminOnly, HttpStatusCode.Created, (_, _) => Post("/api/users", new JsonObject
        {
            ["email"] = $"{Guid.NewGuid():N}@matrix.example", ["displayName"] = "New", ["password"] = ServerFactory.UserPassword, ["roles"] = new JsonArray("viewer"),
        }.ToJsonString())),
        ["GET users"] = (Managers, HttpStatusCode.OK, (_, _) => Get("/api/users")),
        ["POST team"] = (AdminOnly, HttpStatusCode.Created, (_, _) => Post("/api/teams", new JsonObject { ["name"] = Ids.New("team") }.ToJsonString())),
        ["GET teams"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/teams")),
        ["POST api key"] = (AdminOnly, HttpStatusCode.Created, (_, _) => Post("/api/api-keys", """{ "name": "matrix" }""")),
        ["GET api keys"] = (AdminOnly, HttpStatusCode.OK, (_, _) => Get("/api/api-keys")),
        ["DELETE api key"] = (AdminOnly, HttpStatusCode.NoContent, async (m, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/api-keys/{await ApiKeyAsync(m)}")),
        ["GET tasks"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/tasks")),
        ["GET tasks assignee=any"] = (TaskReaders, HttpStatusCode.OK, (_, _) => Get("/api/tasks?assignee=any")),
        ["GET queued task"] = ([.. TaskReaders, .. NetworkWorkers], HttpStatusCode.OK, async (m, _) => Get($"/api/tasks/{await m.NewTaskAsync()}").Result),
        ["POST claim queued task"] = ([.. Managers, .. NetworkWorkers], HttpStatusCode.OK, async (m, _) => Post($"/api/tasks/{await m.NewTaskAsync()}/claim", "{}").Result),
        ["POST complete queued task"] = ([.. Managers, .. NetworkWorkers], HttpStatusCode.OK, async (m, _) => Complete(await m.NewTaskAsync())),
        ["GET other's task"] = ([.. TaskReaders, .. NetworkWorkers], HttpStatusCode.OK, async (m, _) => Get($"/api/tasks/{await m.NewTaskAsync(MatrixFixture.OtherUser)}").Result),
        ["POST complete other's task"] = (Managers, HttpStatusCode.OK, async (m, _) => Complete(await m.NewTaskAsync(MatrixFixture.OtherUser))),
        ["POST release other's task"] = (Managers, HttpStatusCode.OK, async (m, _) => Post($"/api/tasks/{await m.NewTaskAsync(MatrixFixture.OtherUser)}/release", "{}").Result),
        ["POST reassign other's task"] = (Managers, HttpStatusCode.OK, async (m, _) => Post($"/api/tasks/{await m.NewTaskAsync(MatrixFixture.OtherUser)}/reassign", """{ "team": "Billing" }""").Result),
        ["GET own task"] = (Everyone, HttpStatusCode.OK, async (m, role) => Get($"/api/tasks/{await m.NewTaskAsync(MatrixFixture.EmailOf(role))}").Result),
        ["POST complete own task"] = (Everyone, HttpStatusCode.OK, async (m, role) => Complete(await m.NewTaskAsync(MatrixFixture.EmailOf(role)))),
        ["POST release own task"] = (Everyone, HttpStatusCode.OK, async (m, role) => Post($"/api/tasks/{await m.NewTaskAsync(MatrixFixture.EmailOf(role))}/release", "{}").Result),
        ["POST issue client link"] = (Managers, HttpStatusCode.Created, async (m, _) => Post($"/api/tasks/{await m.NewTaskAsync()}/client-link", "{}").Result),
        ["DELETE client link"] = (Managers, HttpStatusCode.NoContent, async (m, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/client-links/{await ClientLinkAsync(m)}")),
        ["POST ticket"] = (TicketWriters, HttpStatusCode.Created, (_, _) => Post("/api/tickets", SlaCalls.Ticket(Ids.New("m-ticket")).ToJsonString())),
        ["GET ticket"] = (Everyone, HttpStatusCode.OK, async (m, _) => Get($"/api/tickets/{await TicketAsync(m)}").Result),
        ["PATCH ticket"] = (TicketWriters, HttpStatusCode.OK, async (m, _) => new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{await TicketAsync(m)}")
        {
            Content = new StringContent("""{ "status": "awaiting-client" }""", Encoding.UTF8, "application/json"),
        }),
        ["GET sla clocks"] = (Everyone, HttpStatusCode.OK, async (m, _) => Get($"/api/sla/{await TicketAsync(m)}").Result),
        ["GET sla policies"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/sla/policies")),
        ["GET sla policy"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/sla/policies/standard")),
        ["GET sla policy versions"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/sla/policies/standard/versions")),
        ["GET sla calendars"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/sla/calendars")),
        ["GET sla calendar"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/sla/calendars/24x7")),
        ["GET sla calendar versions"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/sla/calendars/24x7/versions")),
        ["POST sla calendar"] = (DefinitionEditors, HttpStatusCode.Created, async (m, _) => Post("/api/sla/calendars", await CalendarCopyAsync(m)).Result),
        ["POST escalation"] = (TicketWriters, HttpStatusCode.Created, (_, _) => Post("/api/escalations", EscalationRequest("Matrix create").ToJsonString())),
        ["GET escalations"] = (Everyone, HttpStatusCode.OK, (_, _) => Get("/api/escalations?stage=Triage")),
        ["GET escalation"] = (Everyone, HttpStatusCode.OK, async (m, _) => Get($"/api/escalations/{await EscalationAsync(m)}").Result),
        ["POST flag escalation"] = (TicketWriters, HttpStatusCode.OK, async (m, _) => Post($"/api/escalations/{await EscalationAsync(m)}/flag", """{ "reason": "client called again" }""").Result),
        ["POST elevate escalation"] = (Elevators, HttpStatusCode.OK, async (m, _) => Post($"/api/escalations/{await EscalationAsync(m)}/elevate", """{ "reason": "needs a senior specialist" }""").Result),
        ["POST flag ticket"] = (TicketWriters, HttpStatusCode.Created, async (m, _) => Post($"/api/tickets/{await TicketAsync(m)}/flag", """{ "reason": "client asks for escalation", "clientRequested": true }""").Result),
        ["PUT user skills"] = (AdminOnly, HttpStatusCode.OK, async (m, _) => new HttpRequestMessage(HttpMethod.Put, $"/api/users/{await m.Factory.CreateUserAsync($"{Guid.NewGuid():N}@matrix.example", [Roles.Resolver], "Network")}/skills")
        {
            Content = new StringContent("""{ "skills": ["vpn"] }""", Encoding.UTF8, "application/json"),
        }),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in Endpoints.Keys)
        {
            foreach (var role in Roles.All.Append("anonymous"))
            {
                data.Add(endpoint, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_exactly_the_documented_answer(string endpoint, string role)
    {
        var (allowed, success, build) = Endpoints[endpoint];
        using var request = await build(matrix, role == "anonymous" ? Roles.Viewer : role);

        var response = await matrix.ClientFor(role).SendAsync(request, ApiCalls.Token);

        var expected = role == "anonymous" ? HttpStatusCode.Unauthorized : allowed.Contains(role) ? success : HttpStatusCode.Forbidden;
        var body = await response.Content.ReadAsStringAsync(ApiCalls.Token);
        Assert.True(response.StatusCode == expected, $"{role} on {endpoint}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await response.AssertProblemAsync(expected, expected == HttpStatusCode.Unauthorized ? "unauthorized" : "forbidden");
        }
    }

    private static Task<HttpRequestMessage> Get(string path) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, path));

    private static Task<HttpRequestMessage> Post(string path, string json) =>
        Task.FromResult(new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static HttpRequestMessage Complete(string taskId) => Post($"/api/tasks/{taskId}/complete", """{ "outcome": "Done", "data": {} }""").Result;

    private static async Task<string> PublishedAsync(MatrixFixture m)
    {
        var id = Ids.New("m-pub");
        await m.Admin.PublishAsync(Workflows.Finishing(id));
        return id;
    }

    private static async Task<string> DraftAsync(MatrixFixture m)
    {
        var id = Ids.New("m-draft");
        await (await m.Admin.PostJsonAsync("/api/workflow-definitions", Workflows.Finishing(id).Json)).ReadObjectAsync(HttpStatusCode.Created);
        return id;
    }

    private static async Task<string> WaitingAsync(MatrixFixture m) => (await StartWaitingAsync(m))["id"]!.GetValue<string>();

    private static async Task<string> EventBookmarkAsync(MatrixFixture m) => (await StartWaitingAsync(m))["bookmarks"]![0]!["id"]!.GetValue<string>();

    private static async Task<JsonObject> StartWaitingAsync(MatrixFixture m)
    {
        var id = Ids.New("m-wait");
        await m.Admin.PublishAsync(Workflows.Waiting(id, $"{id}.go"));
        return await m.Admin.StartAsync(id);
    }

    private static async Task<string> FaultedAsync(MatrixFixture m)
    {
        var id = Ids.New("m-fault");
        await m.Admin.PublishAsync(Workflows.Faulting(id));
        return (await m.Admin.StartAsync(id))["id"]!.GetValue<string>();
    }

    private static async Task<string> ApiKeyAsync(MatrixFixture m) =>
        (await (await m.Admin.PostJsonAsync("/api/api-keys", """{ "name": "to revoke" }""")).ReadObjectAsync(HttpStatusCode.Created))["apiKey"]!["id"]!.GetValue<string>();

    private static async Task<string> TicketAsync(MatrixFixture m) =>
        (await m.Admin.RegisterAsync(SlaCalls.Ticket(Ids.New("m-ticket"))))["id"]!.GetValue<string>();

    /// <summary>The shipped 24×7 calendar under a new id (a save that creates version 1).</summary>
    private static async Task<string> CalendarCopyAsync(MatrixFixture m)
    {
        var calendar = (JsonObject)(await m.Admin.GetObjectAsync("/api/sla/calendars/24x7"))["calendar"]!.DeepClone();
        calendar["id"] = Ids.New("m-cal");
        return calendar.ToJsonString();
    }

    /// <summary>A valid escalation request (the shipped escalation workflows are imported by the fixture).</summary>
    private static JsonObject EscalationRequest(string title) => new()
    {
        ["title"] = title,
        ["client"] = "Acme",
        ["tier"] = "gold",
        ["impact"] = 2,
        ["urgency"] = 2,
        ["triggerReason"] = "client-request",
    };

    private static async Task<string> EscalationAsync(MatrixFixture m) =>
        (await (await m.Admin.PostJsonAsync("/api/escalations", EscalationRequest(Ids.New("m-esc")))).ReadObjectAsync(HttpStatusCode.Created))["escalation"]!["id"]!.GetValue<string>();

    private static async Task<string> ClientLinkAsync(MatrixFixture m) =>
        (await (await m.Admin.PostEmptyAsync($"/api/tasks/{await m.NewTaskAsync()}/client-link")).ReadObjectAsync(HttpStatusCode.Created))["id"]!.GetValue<string>();
}
