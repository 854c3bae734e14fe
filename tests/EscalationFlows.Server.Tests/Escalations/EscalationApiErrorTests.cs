using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// Mistakes a user can make on the escalation API answer RFC 9457 problem details that name the field (a JSON pointer
/// into the body, or the query parameter), and leave nothing half-written; the client's link answers once.
/// </summary>
public sealed class EscalationApiErrorTests
{
    [Fact]
    public async Task A_create_with_an_impact_out_of_range_and_no_title_names_both_fields_and_opens_nothing()
    {
        await using var server = await EscalationServer.StartAsync();
        var request = EscalationServer.Request("placeholder", impact: 4);
        request.Remove("title");

        var problem = await (await server.Agent.PostJsonAsync("/api/escalations", request)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        var errors = problem.Errors();
        Assert.Contains(errors, e => e.Pointer == "/impact");
        Assert.Contains(errors, e => e.Pointer == "/title");
        Assert.Equal(0, (await server.Admin.GetObjectAsync("/api/escalations"))["totalCount"]!.GetValue<int>());
        Assert.Equal(0, (await server.Admin.GetObjectAsync("/api/workflow-instances?definitionId=escalation-trigger"))["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_stage_filter_is_a_bad_request_naming_the_parameter()
    {
        await using var server = await EscalationServer.StartAsync();

        var problem = await (await server.Agent.GetAsync("/api/escalations?stage=Done", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("stage", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(problem.Errors(), e => e.Pointer.Contains("stage", StringComparison.Ordinal) || e.Message.Contains("stage", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_client_link_answers_once_and_refuses_a_forged_token()
    {
        await using var server = await EscalationServer.StartAsync();
        var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("Reports empty")))["escalation"]!["id"]!.GetValue<string>();
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        await server.CompleteAsync(server.Resolver, id, "investigate", "PlanReady", new JsonObject { ["plan"] = "Rebuild the report cache" });
        await server.CompleteAsync(server.Resolver, id, "implement", "Resolved", new JsonObject { ["resolutionDetails"] = "Rebuilt the report cache." });
        await server.DeliverMailAsync();
        var ask = await server.Smtp.WaitForAsync(m => m.Message.Subject == "ESC-000001: is your problem resolved?", TimeSpan.FromSeconds(20));
        var (_, path) = EscalationServer.LinkIn(ask);
        var confirm = path.Replace("/client?", "/client/confirm?", StringComparison.Ordinal);

        // A forged token is refused before anything is read.
        var forged = $"/api/escalations/{id}/client/confirm?token=not-a-token";
        await (await server.Anonymous.PostJsonAsync(forged, new JsonObject())).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // A comment that is not text names the field.
        var bad = await (await server.Anonymous.PostJsonAsync(confirm, new JsonObject { ["comment"] = new JsonArray(1, 2) })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(bad.Errors(), e => e.Pointer == "/comment");

        // Saying "not resolved" without saying what is wrong names the comment, and uses nothing up.
        var reject = path.Replace("/client?", "/client/reject?", StringComparison.Ordinal);
        var silent = await (await server.Anonymous.PostJsonAsync(reject, new JsonObject())).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(silent.Errors(), e => e.Pointer == "/comment" && e.Code == "required");

        await (await server.Anonymous.PostJsonAsync(confirm, new JsonObject { ["comment"] = "Works." })).ReadObjectAsync(HttpStatusCode.OK);
        var twice = await (await server.Anonymous.PostJsonAsync(confirm, new JsonObject { ["comment"] = "Works." })).AssertProblemAsync(HttpStatusCode.Gone, "client-link-used");
        Assert.False(string.IsNullOrWhiteSpace(twice["detail"]!.GetValue<string>()));
        Assert.Equal("Closure", (await server.GetAsync(id))["escalation"]!["stage"]!.GetValue<string>());
        Assert.Equal(1, (await server.GetAsync(id))["communications"]!.AsArray().Count(c => c!["direction"]!.GetValue<string>() == "inbound"));
    }
}
