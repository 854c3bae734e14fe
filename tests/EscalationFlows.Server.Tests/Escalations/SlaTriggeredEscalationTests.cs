using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Escalations;

/// <summary>
/// The SLA clock drives the shipped lifecycle: a tracked ticket whose resolution SLA reaches its at-risk threshold
/// (90 % on the standard policy) is escalated by <c>escalation-trigger</c> with the reason <c>sla-risk</c> before it
/// breaches, and the escalation waits in triage; a ticket that is resolved in time is never escalated.
/// </summary>
public sealed class SlaTriggeredEscalationTests
{
    private static readonly DateTimeOffset Monday = ServerFactory.Epoch; // 09:00 UTC; business hours Mon–Fri 09:00–17:00

    [Fact]
    public async Task A_ticket_at_risk_of_breaching_is_escalated_with_reason_sla_risk_before_the_breach()
    {
        await using var server = await EscalationServer.StartAsync();

        // P2 on the standard policy: resolution 8 business hours, so 90 % at 16:12 and the breach at 17:00 on Monday.
        var atRisk = await server.Agent.RegisterAsync(SlaCalls.Ticket("INC0090", priority: 2, status: "in-progress", tier: "gold", source: "servicenow"));
        var quiet = await server.Agent.RegisterAsync(SlaCalls.Ticket("INC0091", priority: 2, status: "in-progress", tier: "gold", source: "servicenow"));
        var atRiskId = atRisk["id"]!.GetValue<string>();
        var quietId = quiet["id"]!.GetValue<string>();
        await server.AdvanceAsync(TimeSpan.FromHours(1));
        await server.Agent.PatchTicketAsync(quietId, new JsonObject { ["status"] = "resolved" });

        // 16:00: 87.5 % — nothing is escalated yet.
        await server.AdvanceAsync(TimeSpan.FromHours(6));
        await server.DeliverMailAsync();
        Assert.Equal(0, (await ListAsync(server))["totalCount"]!.GetValue<int>());

        // 16:30: past the at-risk threshold, before the breach.
        await server.AdvanceAsync(TimeSpan.FromMinutes(30));
        await server.DeliverMailAsync();

        var page = await ListAsync(server);
        var item = Assert.Single(page["items"]!.AsArray())!.AsObject();
        Assert.Equal("sla-risk", item["triggerReason"]!.GetValue<string>());
        Assert.Equal("Triage", item["stage"]!.GetValue<string>());
        var details = await server.GetAsync(item["id"]!.GetValue<string>());
        var escalation = details["escalation"]!;
        Assert.Equal(atRiskId, escalation["ticketId"]!.GetValue<string>());
        Assert.Equal("Acme", escalation["client"]!.GetValue<string>());
        Assert.True(details["openTasks"]!.AsArray().Count == 1, $"Triage waits for the escalation manager: {details["openTasks"]}");
        var opened = details["timeline"]!.AsArray().Select(e => e!.AsObject()).First();
        Assert.True(opened["at"]!.GetValue<DateTimeOffset>() < Monday.AddHours(8), $"Escalated before the 17:00 breach: {opened}");

        var clocks = await server.Admin.GetObjectAsync($"/api/sla/{atRiskId}");
        var resolution = clocks["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Equal("running", resolution["status"]!.GetValue<string>());
        Assert.Contains(resolution["thresholds"]!.AsArray(), t => t!["percent"]!.GetValue<int>() == 90 && t["state"]!.GetValue<string>() == "fired");
    }

    private static Task<JsonObject> ListAsync(EscalationServer server) => server.Manager.GetObjectAsync("/api/escalations?pageSize=50");
}
