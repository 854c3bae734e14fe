using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Sla;

/// <summary>
/// Thresholds fire through the real timer path (wf_timers → claim → runtime → SLA timer handler → sla.threshold event →
/// EventTrigger) exactly once, at their due minute and not a minute before. The fake clock moves minute by minute;
/// the test runs the timer dispatcher's step itself after each minute, so it knows every due timer was handled.
/// Business hours: Mon–Fri 09:00–17:00 UTC; the epoch is Monday 09:00.
/// </summary>
public sealed class ThresholdFiringTests
{
    [Fact]
    public async Task Each_threshold_fires_exactly_once_at_its_due_minute()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        await client.PublishAsync(SlaCalls.Watcher());
        var ticket = await client.RegisterAsync(SlaCalls.Ticket("FIRE-1"));
        var id = ticket["id"]!.GetValue<string>();

        // P1 resolution 240 min from Monday 09:00: 50 % 11:00, 75 % 12:00, 90 % 12:36, 100 % 13:00. The response clock
        // stopped at registration ("in-progress"), so it has nothing pending.
        var epoch = ServerFactory.Epoch;
        var expected = new Dictionary<int, DateTimeOffset>
        {
            [50] = epoch.AddHours(2),
            [75] = epoch.AddHours(3),
            [90] = epoch.AddHours(3).AddMinutes(36),
            [100] = epoch.AddHours(4),
        };
        Assert.Equal(expected.ToDictionary(e => $"resolution/{e.Key}", e => e.Value), await factory.SlaTimersAsync(id));

        var seen = new Dictionary<int, DateTimeOffset>();
        for (var minute = 1; minute <= 4 * 60 + 5; minute++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await factory.FireDueTimersAsync();
            var now = factory.Clock.GetUtcNow();
            foreach (var firing in await client.FiringsAsync())
            {
                Assert.Equal((id, "resolution"), (firing.Subject, firing.Metric));
                seen.TryAdd(firing.Percent, now);
            }

            // Nothing fires before its minute, everything due has fired by its minute.
            Assert.Equal(expected.Where(e => e.Value <= now).Select(e => e.Key).Order(), seen.Keys.Order());
        }

        Assert.Equal(expected, seen);
        var firings = await client.FiringsAsync();
        Assert.Equal([50, 75, 90, 100], firings.Select(f => f.Percent));
        Assert.Equal(firings.Select(f => expected[f.Percent]), firings.Select(f => f.At));
        Assert.Equal(["sla-warn", "sla-risk", "sla-risk", "sla-breach"], firings.Select(f => f.Reason));
        Assert.Empty(await factory.SlaTimersAsync(id));

        var report = await client.GetObjectAsync($"/api/sla/{id}");
        var resolution = report["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Equal("breached", resolution["status"]!.GetValue<string>());
        Assert.All(resolution["thresholds"]!.AsArray(), t => Assert.Equal("fired", t!["state"]!.GetValue<string>()));
        Assert.Equal(expected.Values.Select(SlaCalls.Text), resolution["thresholds"]!.AsArray().Select(t => SlaCalls.Text(t!["firedAt"]!.GetValue<DateTimeOffset>())));
    }

    [Fact]
    public async Task The_event_carries_the_threshold_and_the_ticket_and_a_repeated_registration_changes_nothing()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        var waiting = Ids.New("waits-sla");
        await client.PublishAsync(Workflows.Waiting(waiting, "sla.threshold"));
        var ticket = await client.RegisterAsync(SlaCalls.Ticket("EVT-1", tier: "platinum"));
        var id = ticket["id"]!.GetValue<string>();
        var again = await client.RegisterAsync(SlaCalls.Ticket("EVT-1", priority: 4, tier: "platinum"), HttpStatusCode.OK);
        Assert.Equal(id, again["id"]!.GetValue<string>());
        Assert.Equal(1, again["priority"]!.GetValue<int>());
        var run = await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = waiting, ["correlationId"] = id })).ReadObjectAsync(HttpStatusCode.Created);

        // Platinum P1 resolution: 120 min, so 50 % is due at 10:00.
        factory.Clock.Advance(TimeSpan.FromMinutes(60));
        await factory.FireDueTimersAsync();

        var instance = await client.GetObjectAsync($"/api/workflow-instances/{run["id"]}");
        Assert.Equal("Finished", instance["status"]!.GetValue<string>());
        var payload = instance["variables"]!["payload"]!.AsObject();
        Assert.Equal(id, payload["subjectId"]!.GetValue<string>());
        Assert.Equal("ticket", payload["subjectType"]!.GetValue<string>());
        Assert.Equal("resolution", payload["metric"]!.GetValue<string>());
        Assert.Equal(50, payload["percentage"]!.GetValue<int>());
        Assert.Equal("warn", payload["action"]!.GetValue<string>());
        Assert.Equal("50 % warning", payload["name"]!.GetValue<string>());
        Assert.Equal(ServerFactory.Epoch.AddHours(1), payload["dueAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(ServerFactory.Epoch.AddHours(1), payload["firedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(120, payload["targetMinutes"]!.GetValue<double>());
        Assert.Equal(ServerFactory.Epoch.AddHours(2), payload["predictedBreachAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("EVT-1", payload["ticket"]!["externalId"]!.GetValue<string>());
        Assert.Equal("platinum", payload["ticket"]!["tier"]!.GetValue<string>());
        Assert.Equal("Acme", payload["ticket"]!["client"]!.GetValue<string>());
    }
}
