using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Sla;

/// <summary>Thresholds pending when the server stops fire once, on time, after it starts again on the same database file.</summary>
public sealed class RestartTests
{
    private static readonly DateTimeOffset Monday = ServerFactory.Epoch;

    [Fact]
    public async Task Pending_thresholds_fire_once_and_on_time_after_a_restart()
    {
        var root = Directory.CreateTempSubdirectory("escalationflows-sla-restart-").FullName;
        try
        {
            string id;
            await using (var first = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher, root: root))
            {
                using var client = first.CreateClient();
                await client.PublishAsync(SlaCalls.Watcher());
                id = (await client.RegisterAsync(SlaCalls.Ticket("RESTART-1")))["id"]!.GetValue<string>();
                await PauseAndPolicyChangeTests.AdvanceFiringAsync(first, TimeSpan.FromHours(2));
                Assert.Equal([(50, Monday.AddHours(2))], (await client.FiringsAsync()).Select(f => (f.Percent, f.At)));
                first.Clock.Advance(TimeSpan.FromMinutes(30));
            }

            // The second server runs the background dispatcher; its clock continues where the first one stopped (11:30).
            await using var second = new ServerFactory(root: root);
            second.Clock.SetUtcNow(Monday.AddHours(2).AddMinutes(30));
            using var restarted = second.CreateClient();
            Assert.Equal(["resolution/100", "resolution/75", "resolution/90"], (await second.SlaTimersAsync(id)).Keys.Order(StringComparer.Ordinal));

            second.Clock.Advance(TimeSpan.FromMinutes(29));
            Assert.Single(await restarted.FiringsAsync());
            second.Clock.Advance(TimeSpan.FromMinutes(1));
            await Poll.UntilAsync(() => restarted.FiringsAsync(), f => f.Count == 2, "the 75 % threshold after the restart");
            second.Clock.Advance(TimeSpan.FromMinutes(36));
            await Poll.UntilAsync(() => restarted.FiringsAsync(), f => f.Count == 3, "the 90 % threshold after the restart");
            second.Clock.Advance(TimeSpan.FromMinutes(24));
            await Poll.UntilAsync(() => restarted.FiringsAsync(), f => f.Count == 4, "the breach after the restart");

            second.Clock.Advance(TimeSpan.FromHours(1));
            var firings = await restarted.FiringsAsync();
            Assert.Equal(
                [(50, Monday.AddHours(2)), (75, Monday.AddHours(3)), (90, Monday.AddHours(3).AddMinutes(36)), (100, Monday.AddHours(4))],
                firings.Select(f => (f.Percent, f.At)));
            Assert.Empty(await second.SlaTimersAsync(id));
            var report = await restarted.GetObjectAsync($"/api/sla/{id}");
            Assert.Equal(4, report["metrics"]![1]!["thresholds"]!.AsArray().Count(t => t!["state"]!.GetValue<string>() == "fired"));
            Assert.Equal("breached", report["metrics"]![1]!["status"]!.GetValue<string>());
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }
}
