using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Sla;

/// <summary>
/// Pausing cancels a clock's pending threshold timers, resuming recomputes them in business time, and a priority or
/// policy change moves them; every move is checked in wf_timers and by firing minute by minute through the real path.
/// </summary>
public sealed class PauseAndPolicyChangeTests
{
    private static readonly DateTimeOffset Epoch = ServerFactory.Epoch; // Monday 09:00 UTC

    [Fact]
    public async Task Pausing_cancels_the_timers_and_resuming_recomputes_them_in_business_time()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        await client.PublishAsync(SlaCalls.Watcher());
        var id = (await client.RegisterAsync(SlaCalls.Ticket("PAUSE-1")))["id"]!.GetValue<string>();
        Assert.Equal(4, (await factory.SlaTimersAsync(id)).Count);

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var paused = await client.PatchTicketAsync(id, new JsonObject { ["status"] = "awaiting-client" });
        Assert.Equal("awaiting-client", paused["status"]!.GetValue<string>());
        var resolution = paused["sla"]!.AsArray().Single(s => s!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Equal("paused", resolution["status"]!.GetValue<string>());
        Assert.Equal("awaiting client", resolution["pauseReason"]!.GetValue<string>());
        Assert.Empty(await factory.SlaTimersAsync(id));

        // 11:00 would have been the 50 % mark without the pause.
        await AdvanceFiringAsync(factory, TimeSpan.FromHours(2));
        Assert.Empty(await client.FiringsAsync());

        // Resumed at 12:00 with 1 h counted: 50 % (2 h) at 13:00, 75 % 14:00, 90 % 14:36, breach 15:00.
        await client.PatchTicketAsync(id, new JsonObject { ["status"] = "in-progress" });
        Assert.Equal(new Dictionary<string, DateTimeOffset>
        {
            ["resolution/50"] = Epoch.AddHours(4),
            ["resolution/75"] = Epoch.AddHours(5),
            ["resolution/90"] = Epoch.AddHours(5).AddMinutes(36),
            ["resolution/100"] = Epoch.AddHours(6),
        }, await factory.SlaTimersAsync(id));

        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(59));
        Assert.Empty(await client.FiringsAsync());
        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(1));
        var fired = Assert.Single(await client.FiringsAsync());
        Assert.Equal((50, Epoch.AddHours(4)), (fired.Percent, fired.At));

        // Paused again at 13:30 (2 h 30 min counted) for another reason, resumed at 14:00: 75 % (3 h) at 14:30.
        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(30));
        await client.PatchTicketAsync(id, new JsonObject { ["status"] = "on-hold-by-client" });
        Assert.Empty(await factory.SlaTimersAsync(id));
        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(30));
        await client.PatchTicketAsync(id, new JsonObject { ["status"] = "in-progress" });
        Assert.Equal(Epoch.AddHours(5).AddMinutes(30), (await factory.SlaTimersAsync(id))["resolution/75"]);
        Assert.False((await factory.SlaTimersAsync(id)).ContainsKey("resolution/50"));

        var report = await client.GetObjectAsync($"/api/sla/{id}");
        var clock = report["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Equal(["running", "paused", "running", "paused", "running"], clock["ledger"]!.AsArray().Select(l => l!["kind"]!.GetValue<string>()));
        Assert.Equal(["awaiting client", "on hold by client"], clock["pauses"]!.AsArray().Select(p => p!["reason"]!.GetValue<string>()));
        Assert.Equal(150 * 60, clock["elapsed"]!["seconds"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_new_policy_version_gives_open_clocks_new_targets_and_moves_their_timers()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        await client.PublishAsync(SlaCalls.Watcher());
        var created = await (await client.PostJsonAsync("/api/sla/policies", Policy(resolutionP3: 600))).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(1, created["saved"]!["version"]!.GetValue<int>());
        var id = (await client.RegisterAsync(SlaCalls.Ticket("POLICY-1", priority: 3, policyId: "fast-track")))["id"]!.GetValue<string>();
        var closed = (await client.RegisterAsync(SlaCalls.Ticket("POLICY-2", priority: 3, policyId: "fast-track", status: "resolved")))["id"]!.GetValue<string>();

        // 24×7, 10 h: 50 % at 14:00, 75 % 16:30, 90 % 18:00, breach 19:00.
        Assert.Equal(Epoch.AddHours(5), (await factory.SlaTimersAsync(id))["resolution/50"]);

        await AdvanceFiringAsync(factory, TimeSpan.FromHours(3));
        var saved = await (await client.PostJsonAsync("/api/sla/policies", Policy(resolutionP3: 300))).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(2, saved["saved"]!["version"]!.GetValue<int>());
        Assert.Equal(1, saved["openClocksUpdated"]!.GetValue<int>()); // the resolution clock; the response clock stopped, the other ticket is resolved

        // 5 h now: 50 % (2 h 30 min) was passed at 11:30 and is due at once, 75 % 12:45, 90 % 13:30, breach 14:00.
        Assert.Equal(new Dictionary<string, DateTimeOffset>
        {
            ["resolution/50"] = Epoch.AddHours(3),
            ["resolution/75"] = Epoch.AddHours(3).AddMinutes(45),
            ["resolution/90"] = Epoch.AddHours(4).AddMinutes(30),
            ["resolution/100"] = Epoch.AddHours(5),
        }, await factory.SlaTimersAsync(id));
        var report = await client.GetObjectAsync($"/api/sla/{id}");
        var clock = report["metrics"]!.AsArray().Single(m => m!["metric"]!.GetValue<string>() == "resolution")!;
        Assert.Equal(2, clock["policyVersion"]!.GetValue<int>());
        Assert.Equal(300 * 60, clock["target"]!["seconds"]!.GetValue<double>());
        Assert.Equal("policy fast-track v2, priority P3", clock["targetChanges"]![0]!["reason"]!.GetValue<string>());
        Assert.Equal(1, (await client.GetObjectAsync($"/api/sla/{closed}"))["metrics"]![1]!["policyVersion"]!.GetValue<int>());

        await factory.FireDueTimersAsync();
        Assert.Equal([(50, Epoch.AddHours(3))], (await client.FiringsAsync()).Select(f => (f.Percent, f.At)));
        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(44));
        Assert.Single(await client.FiringsAsync());
        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(1));
        Assert.Equal([50, 75], (await client.FiringsAsync()).Select(f => f.Percent));

        // The same document again is no new version and moves nothing.
        var same = await (await client.PostJsonAsync("/api/sla/policies", Policy(resolutionP3: 300))).ReadObjectAsync(HttpStatusCode.OK);
        Assert.False(same["created"]!.GetValue<bool>());
        Assert.Equal(0, same["openClocksUpdated"]!.GetValue<int>());
        Assert.Equal(2, same["saved"]!["version"]!.GetValue<int>());

        // A target raised above the elapsed time: the fired thresholds stay fired, nothing fires twice.
        var raised = await (await client.PostJsonAsync("/api/sla/policies", Policy(resolutionP3: 1200))).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(1, raised["openClocksUpdated"]!.GetValue<int>());
        Assert.Equal(["resolution/90", "resolution/100"], (await factory.SlaTimersAsync(id)).Keys.Order(StringComparer.Ordinal).Reverse());
        await AdvanceFiringAsync(factory, TimeSpan.FromHours(20));
        Assert.Equal([50, 75, 90, 100], (await client.FiringsAsync()).Select(f => f.Percent));
    }

    [Fact]
    public async Task A_priority_change_moves_the_open_clocks_to_the_new_targets()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        var id = (await client.RegisterAsync(SlaCalls.Ticket("PRIO-1", priority: 4, status: "new")))["id"]!.GetValue<string>();

        // P4: response 8 h (one business day), resolution 40 h (five business days).
        Assert.Equal(Epoch.AddHours(4), (await factory.SlaTimersAsync(id))["response/50"]);

        await AdvanceFiringAsync(factory, TimeSpan.FromMinutes(30));
        var changed = await client.PatchTicketAsync(id, new JsonObject { ["priority"] = 1 });
        Assert.Equal(1, changed["priority"]!.GetValue<int>());

        // P1 from 09:30 with 30 min counted: response 15 min (all thresholds passed: due now), resolution 4 h (50 % at 11:00).
        var timers = await factory.SlaTimersAsync(id);
        Assert.Equal(Epoch.AddMinutes(30), timers["response/100"]);
        Assert.Equal(Epoch.AddHours(2), timers["resolution/50"]);
        var report = await client.GetObjectAsync($"/api/sla/{id}");
        Assert.Equal("breached", report["metrics"]![0]!["status"]!.GetValue<string>());
        Assert.Equal("policy standard v1, priority P1", report["metrics"]![1]!["targetChanges"]![0]!["reason"]!.GetValue<string>());
    }

    internal static JsonObject Policy(int resolutionP3) => new()
    {
        ["id"] = "fast-track",
        ["name"] = "Fast track (24×7)",
        ["calendarId"] = "24x7",
        ["targets"] = new JsonArray(Enumerable.Range(1, 5).Select(p => (JsonNode)new JsonObject
        {
            ["priority"] = p,
            ["responseMinutes"] = 30,
            ["resolutionMinutes"] = p == 3 ? resolutionP3 : 600,
        }).ToArray()),
    };

    /// <summary>Moves the fake clock minute by minute, firing what is due after each minute.</summary>
    internal static async Task AdvanceFiringAsync(ServerFactory factory, TimeSpan duration)
    {
        for (var moved = TimeSpan.Zero; moved < duration; moved += TimeSpan.FromMinutes(1))
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
            await factory.FireDueTimersAsync();
        }
    }
}
