using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// POST /api/escalations/{id}/elevate: the change the Escalations.Elevate step makes (level up, that level's team and
/// authority, an "elevated" timeline entry), by a signed-in leader or manager; the open work moves to that team;
/// problem details for a missing reason and for an escalation already at the top.
/// </summary>
public sealed class EscalationElevateTests
{
    [Fact]
    public async Task A_leader_elevates_twice_to_operations_leadership_and_a_third_time_is_refused()
    {
        await using var server = await EscalationServer.StartAsync();
        var id = (await server.CreateAsync(server.Agent, EscalationServer.Request("Invoices fail to send")))["escalation"]!["id"]!.GetValue<string>();
        await server.CompleteAsync(server.Manager, id, "triage", "Confirm", new JsonObject { ["impact"] = 2, ["urgency"] = 2, ["category"] = "crm" });
        var before = (await server.GetAsync(id))["escalation"]!;
        Assert.Equal((1, "Applications"), (before["elevationLevel"]!.GetValue<int>(), before["resolutionTeam"]!.GetValue<string>()));
        var investigate = await server.OpenTaskAsync(id, "investigate");
        Assert.Equal((server.UserIds["resolver"], "Applications"), (investigate["assigneeId"]!.GetValue<string>(), investigate["candidateTeam"]!.GetValue<string>()));
        var title = investigate["title"]!.GetValue<string>();

        // No reason: 422 naming /reason, and nothing changes.
        var missing = await (await server.Leader.PostJsonAsync($"/api/escalations/{id}/elevate", new JsonObject { ["reason"] = " " })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(missing.Errors(), e => e.Pointer == "/reason" && e.Code == "required");
        Assert.Equal(1, (await server.GetAsync(id))["escalation"]!["elevationLevel"]!.GetValue<int>());

        var elevated = await (await server.Leader.PostJsonAsync($"/api/escalations/{id}/elevate", new JsonObject { ["reason"] = "Third outage this week" })).ReadObjectAsync(HttpStatusCode.OK);
        var record = elevated["escalation"]!;
        Assert.Equal((2, "Senior specialists", "L3"), (record["elevationLevel"]!.GetValue<int>(), record["resolutionTeam"]!.GetValue<string>(), record["authorityLevel"]!.GetValue<string>()));
        var entry = elevated["timeline"]!.AsArray().Last(t => t!["kind"]!.GetValue<string>() == "elevated")!;
        Assert.Equal((server.UserIds["leader"], "api"), (entry["actorId"]!.GetValue<string>(), entry["source"]!.GetValue<string>()));
        Assert.Equal($"Elevated from resolution team to senior specialist, team Senior specialists: Third outage this week; open work handed to Senior specialists: {title}",
            entry["text"]!.GetValue<string>());

        // The open investigation moved with it: unassigned, in the senior specialists' queue, the move in its history.
        var moved = await server.OpenTaskAsync(id, "investigate");
        Assert.Equal((investigate["id"]!.GetValue<string>(), null, "Senior specialists"),
            (moved["id"]!.GetValue<string>(), moved["assigneeId"]?.GetValue<string>(), moved["candidateTeam"]!.GetValue<string>()));
        var history = (await server.Admin.GetObjectAsync($"/api/tasks/{moved["id"]!.GetValue<string>()}"))["history"]!.AsArray();
        var reassigned = history.Last(h => h!["kind"]!.GetValue<string>() == "reassigned")!;
        Assert.Equal(server.UserIds["leader"], reassigned["actor"]!.GetValue<string>());
        Assert.Contains("Third outage this week", reassigned.ToJsonString(), StringComparison.Ordinal);

        await (await server.Manager.PostJsonAsync($"/api/escalations/{id}/elevate", new JsonObject { ["reason"] = "Needs operations leadership" })).ReadObjectAsync(HttpStatusCode.OK);
        var top = (await server.GetAsync(id))["escalation"]!;
        Assert.Equal((3, "Operations leadership", "L4"), (top["elevationLevel"]!.GetValue<int>(), top["resolutionTeam"]!.GetValue<string>(), top["authorityLevel"]!.GetValue<string>()));
        Assert.Equal("Operations leadership", (await server.OpenTaskAsync(id, "investigate"))["candidateTeam"]!.GetValue<string>());

        await (await server.Leader.PostJsonAsync($"/api/escalations/{id}/elevate", new JsonObject { ["reason"] = "Even higher" })).AssertProblemAsync(HttpStatusCode.Conflict, "escalation-at-top");
        await (await server.Agent.PostJsonAsync($"/api/escalations/{id}/elevate", new JsonObject { ["reason"] = "Agents may not" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await server.Leader.PostJsonAsync("/api/escalations/ESC-999999/elevate", new JsonObject { ["reason"] = "Nobody" })).AssertProblemAsync(HttpStatusCode.NotFound);
        var final = await server.GetAsync(id);
        Assert.Equal(2, final["timeline"]!.AsArray().Count(t => t!["kind"]!.GetValue<string>() == "elevated"));

        // Leadership heard of each elevation by mail, as from the Elevate step.
        var mails = final["communications"]!.AsArray().Where(c => c!["purpose"]?.GetValue<string>() == "elevation").ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal(("leadership", "email", "outbound"), (m!["audience"]!.GetValue<string>(), m["channel"]!.GetValue<string>(), m["direction"]!.GetValue<string>())));
        await server.DeliverMailAsync();
        var mail = await server.Smtp.WaitForAsync(m => m.Message.Subject?.StartsWith("ESC-000001 elevated to senior specialist", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(20));
        Assert.Contains("leader@support.example.test", mail.EnvelopeTo);
        Assert.Contains("Reason: Third outage this week", mail.Message.TextBody, StringComparison.Ordinal);
    }
}
