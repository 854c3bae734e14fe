using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Sla;

/// <summary>
/// Over HTTP with the background timer dispatcher: a tracked ticket reaches 75 % of its resolution SLA and the
/// sla.threshold event starts an escalation-like workflow (reason "sla-risk") before the breach; the SLA endpoint then
/// explains every counted minute, the pause awaiting the client included.
/// </summary>
public sealed class TicketEscalationIntegrationTests
{
    private static readonly DateTimeOffset Monday = ServerFactory.Epoch; // 09:00 UTC; business hours Mon–Fri 09:00–17:00

    [Fact]
    public async Task A_ticket_at_75_percent_starts_the_escalation_before_the_breach_and_the_ledger_explains_the_time()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        await client.PublishAsync(SlaCalls.Watcher());

        // P2: response 30 min, resolution 8 h (one business day).
        var ticket = await client.RegisterAsync(SlaCalls.Ticket("INC0042", priority: 2, status: "new", source: "servicenow"));
        var id = ticket["id"]!.GetValue<string>();
        Assert.Equal($"/api/sla/{id}", ticket["slaUrl"]!.GetValue<string>());

        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        await client.PatchTicketAsync(id, new JsonObject { ["status"] = "in-progress" });
        factory.Clock.Advance(TimeSpan.FromMinutes(50));
        await client.PatchTicketAsync(id, new JsonObject { ["status"] = "awaiting-client" });
        factory.Clock.Advance(TimeSpan.FromMinutes(90));
        var resumed = await client.PatchTicketAsync(id, new JsonObject { ["status"] = "in-progress" });

        // 1 h counted before the pause; from 11:30: 50 % (4 h) at 14:30, 75 % (6 h) at 16:30, breach Tuesday 10:30.
        var resolution = resumed["sla"]!.AsArray().Single(s => s!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Equal(Monday.AddDays(1).AddHours(1).AddMinutes(30), resolution["predictedBreachAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(50, resolution["nextThreshold"]!["percent"]!.GetValue<int>());
        Assert.Equal(Monday.AddHours(5).AddMinutes(30), resolution["nextThreshold"]!["dueAt"]!.GetValue<DateTimeOffset>());

        factory.Clock.Advance(TimeSpan.FromHours(3));
        await Poll.UntilAsync(() => client.FiringsAsync(), f => f.Count == 1, "the 50 % warning");
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var firings = await Poll.UntilAsync(() => client.FiringsAsync(), f => f.Count == 2, "the 75 % escalation");

        var risk = firings[1];
        Assert.Equal((id, "resolution", 75, "sla-risk"), (risk.Subject, risk.Metric, risk.Percent, risk.Reason));
        Assert.Equal(Monday.AddHours(7).AddMinutes(30), risk.At);
        Assert.True(risk.At < Monday.AddDays(1).AddHours(1).AddMinutes(30), "The escalation starts before the breach.");
        Assert.Equal("sla-warn", firings[0].Reason);

        var report = await client.GetObjectAsync($"/api/sla/{id}");
        Assert.Equal("ticket", report["subjectType"]!.GetValue<string>());
        var response = report["metrics"]![0]!;
        Assert.Equal(("response", "met", 600.0), (response["metric"]!.GetValue<string>(), response["status"]!.GetValue<string>(), response["elapsed"]!["seconds"]!.GetValue<double>()));

        var clock = report["metrics"]![1]!;
        Assert.Equal("running", clock["status"]!.GetValue<string>());
        Assert.Equal(6 * 3600, clock["elapsed"]!["seconds"]!.GetValue<double>());
        Assert.Equal("6 h 0 min", clock["elapsed"]!["text"]!.GetValue<string>());
        Assert.Equal(75, clock["elapsedPercent"]!.GetValue<double>());
        Assert.Equal(2 * 3600, clock["remaining"]!["seconds"]!.GetValue<double>());
        Assert.Equal(["fired", "fired", "pending", "pending"], clock["thresholds"]!.AsArray().Select(t => t!["state"]!.GetValue<string>()));
        Assert.Equal(Monday.AddDays(1).AddMinutes(42), clock["thresholds"]![2]!["dueAt"]!.GetValue<DateTimeOffset>());

        var ledger = clock["ledger"]!.AsArray();
        Assert.Equal(
            [("running", Monday, (DateTimeOffset?)Monday.AddHours(1), (string?)null, 3600.0), ("paused", Monday.AddHours(1), Monday.AddHours(2).AddMinutes(30), "awaiting client", 0), ("running", Monday.AddHours(2).AddMinutes(30), null, null, 5 * 3600)],
            ledger.Select(l => (l!["kind"]!.GetValue<string>(), l["from"]!.GetValue<DateTimeOffset>(), l["to"]?.GetValue<DateTimeOffset>(), l["reason"]?.GetValue<string>(), l["counted"]!["seconds"]!.GetValue<double>())));

        var explanation = clock["explanation"]!;
        Assert.Equal(
            "Resolution SLA running: 6 h 0 min of 8 h 0 min counted (75 %), 2 h 0 min left; paused 1 h 30 min awaiting client; breach expected Tue 2026-12-01 10:30 (UTC).",
            explanation["summary"]!.GetValue<string>());
        var lines = explanation["lines"]!.AsArray().Select(l => l!["text"]!.GetValue<string>()).ToList();
        Assert.Contains("Mon 2026-11-30 10:00–11:30 paused awaiting client: 1 h 30 min not counted", lines);
        Assert.Contains("Mon 2026-11-30 09:00–10:00 running: 1 h 0 min counted", lines);
        Assert.Contains(lines, l => l.StartsWith("Mon 2026-11-30 14:30 50 % warning (50 %, warn) fired", StringComparison.Ordinal));
        Assert.Equal(6 * 3600, explanation["lines"]!.AsArray().Sum(l => l!["counted"]!["seconds"]!.GetValue<double>()));

        var summary = await client.GetObjectAsync($"/api/tickets/{id}");
        Assert.Equal("servicenow", summary["source"]!.GetValue<string>());
        Assert.Equal(Monday.AddMinutes(10), summary["respondedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sla/{id}-nope", ApiCalls.Token)).StatusCode);
    }
}
