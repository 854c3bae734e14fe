using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Tasks;

/// <summary>Claim, release and reassign: who may, what is recorded, and the conflicts.</summary>
[Collection(ServerCollection.Name)]
public sealed class AssignmentTests(ServerFixture server) : IAsyncLifetime
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];
    private HttpClient _admin = null!;

    private string Email(string name) => $"{name}-{_suffix}@example.com";

    public async ValueTask InitializeAsync()
    {
        _admin = server.Client;
        await server.Factory.EnsureTeamAsync("Network");
        await server.Factory.EnsureTeamAsync("Billing");
        await server.Factory.CreateUserAsync(Email("a"), ["agent"], "Network");
        await server.Factory.CreateUserAsync(Email("b"), ["agent"], "Network");
        await server.Factory.CreateUserAsync(Email("c"), ["agent"], "Billing");
        await server.Factory.CreateUserAsync(Email("m"), ["escalation-manager"]);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<string> NetworkTaskAsync()
    {
        var id = Ids.New("assign");
        return (await _admin.StartTaskAsync(HumanTaskFlows.Single(id, Literal("candidateTeam", "Network")), id)).TaskId;
    }

    [Fact]
    public async Task A_team_member_claims_and_releases_and_each_step_is_recorded_with_actor_and_time()
    {
        var taskId = await NetworkTaskAsync();
        using var a = await server.Factory.SignInAsync(Email("a"));
        var me = (await a.GetObjectAsync("/api/auth/me"))["id"]!.GetValue<string>();

        var claimed = await (await a.PostEmptyAsync($"/api/tasks/{taskId}/claim")).ReadObjectAsync();
        Assert.Equal(me, claimed["assigneeId"]!.GetValue<string>());
        Assert.Equal(claimed.ToJsonString(), (await (await a.PostEmptyAsync($"/api/tasks/{taskId}/claim")).ReadObjectAsync()).ToJsonString());

        var released = await (await a.PostJsonAsync($"/api/tasks/{taskId}/release", """{ "reason": "on leave" }""")).ReadObjectAsync();
        Assert.Null(released["assigneeId"]);
        Assert.Equal(["created", "claimed", "released"], released.Kinds());
        var release = released["history"]![2]!;
        Assert.Equal(me, release["actor"]!.GetValue<string>());
        Assert.Equal("on leave", release["details"]!["reason"]!.GetValue<string>());
        Assert.Equal(server.Factory.Clock.GetUtcNow(), release["at"]!.GetValue<DateTimeOffset>());
        await (await a.PostEmptyAsync($"/api/tasks/{taskId}/release")).AssertProblemAsync(HttpStatusCode.Conflict, "task-not-assigned");
    }

    [Fact]
    public async Task Someone_elses_claimed_task_cannot_be_claimed_released_reassigned_or_completed_by_a_colleague()
    {
        var taskId = await NetworkTaskAsync();
        using var a = await server.Factory.SignInAsync(Email("a"));
        using var b = await server.Factory.SignInAsync(Email("b"));
        await (await a.PostEmptyAsync($"/api/tasks/{taskId}/claim")).ReadObjectAsync();

        await b.GetTaskAsync(taskId);
        await (await b.PostEmptyAsync($"/api/tasks/{taskId}/claim")).AssertProblemAsync(HttpStatusCode.Conflict, "task-assigned");
        await (await b.PostEmptyAsync($"/api/tasks/{taskId}/release")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.PostJsonAsync($"/api/tasks/{taskId}/reassign", """{ "team": "Billing" }""")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.CompleteAsync(taskId, "Approve")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Outside_the_tasks_team_nothing_is_allowed()
    {
        var taskId = await NetworkTaskAsync();
        using var c = await server.Factory.SignInAsync(Email("c"));

        await c.GetTaskAsync(taskId, HttpStatusCode.Forbidden);
        await (await c.PostEmptyAsync($"/api/tasks/{taskId}/claim")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await c.CompleteAsync(taskId, "Approve")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await c.GetAsync("/api/tasks/no-such-task", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_assignee_hands_over_to_a_colleague_and_a_manager_moves_a_task_to_another_team()
    {
        var taskId = await NetworkTaskAsync();
        using var a = await server.Factory.SignInAsync(Email("a"));
        using var b = await server.Factory.SignInAsync(Email("b"));
        using var c = await server.Factory.SignInAsync(Email("c"));
        using var m = await server.Factory.SignInAsync(Email("m"));
        var bId = (await b.GetObjectAsync("/api/auth/me"))["id"]!.GetValue<string>();
        await (await a.PostEmptyAsync($"/api/tasks/{taskId}/claim")).ReadObjectAsync();

        var handed = await (await a.PostJsonAsync($"/api/tasks/{taskId}/reassign", new JsonObject { ["userId"] = bId, ["reason"] = "b knows this router" })).ReadObjectAsync();
        Assert.Equal(bId, handed["assigneeId"]!.GetValue<string>());
        var moved = await (await m.PostJsonAsync($"/api/tasks/{taskId}/reassign", """{ "team": "billing", "reason": "it is an invoice" }""")).ReadObjectAsync();

        Assert.Null(moved["assigneeId"]);
        Assert.Equal("Billing", moved["candidateTeam"]!.GetValue<string>());
        Assert.Equal(["created", "claimed", "reassigned", "reassigned"], moved.Kinds());
        Assert.Equal("Billing", moved["history"]![3]!["details"]!["toTeam"]!.GetValue<string>());
        Assert.Equal(bId, moved["history"]![3]!["details"]!["fromAssignee"]!.GetValue<string>());
        await c.GetTaskAsync(taskId);
        await b.GetTaskAsync(taskId, HttpStatusCode.Forbidden);
        await (await c.CompleteAsync(taskId, "Reject")).ReadObjectAsync();
    }

    [Fact]
    public async Task Reassigning_needs_exactly_one_known_target()
    {
        var taskId = await NetworkTaskAsync();
        await (await _admin.PostJsonAsync($"/api/tasks/{taskId}/reassign", """{ "userId": "x", "team": "Network" }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        await (await _admin.PostJsonAsync($"/api/tasks/{taskId}/reassign", """{ "reason": "none" }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        var team = await (await _admin.PostJsonAsync($"/api/tasks/{taskId}/reassign", """{ "team": "Nowhere" }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-value");
        Assert.Contains(team.Errors(), e => e.Pointer == "/team");
        var user = await (await _admin.PostJsonAsync($"/api/tasks/{taskId}/reassign", """{ "userId": "nobody" }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-value");
        Assert.Contains(user.Errors(), e => e.Pointer == "/userId");
    }

    [Fact]
    public async Task A_task_changed_while_someone_was_deciding_is_refused_by_its_revision()
    {
        var taskId = await NetworkTaskAsync();
        using var a = await server.Factory.SignInAsync(Email("a"));
        using var b = await server.Factory.SignInAsync(Email("b"));

        var claims = await Task.WhenAll(a.PostEmptyAsync($"/api/tasks/{taskId}/claim"), b.PostEmptyAsync($"/api/tasks/{taskId}/claim"));

        Assert.Single(claims, r => r.StatusCode == HttpStatusCode.OK);
        var loser = claims.Single(r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, loser.StatusCode);
        Assert.Single((await _admin.GetTaskAsync(taskId)).Kinds(), k => k == "claimed");
    }
}
