using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Reliability.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Reliability.Tests;

/// <summary>
/// Two server processes on one PostgreSQL database (started at the same moment, so they also migrate and import
/// concurrently) and 1,000 timers that come due within two seconds: every timer fires exactly once, both nodes fire
/// some, and the lateness (fired − due) is reported, not asserted.
/// </summary>
public sealed class TwoNodeTimerTests(PostgresFixture postgres)
{
    private const int Timers = 1_000;
    private static readonly TimeSpan Lead = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Spread = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Two_nodes_on_one_PostgreSQL_database_fire_a_thousand_due_timers_exactly_once_and_share_the_work()
    {
        postgres.RequireAvailable();
        await using var database = await DatabaseTarget.PostgresAsync(postgres);
        await using var deployment = new Deployment(database, new Dictionary<string, string>
        {
            // Production defaults: this test is about sharing work, not about taking over a dead node's leases.
            ["Runtime:TimerLease"] = "00:00:30",
            ["Runtime:TimerPollInterval"] = "00:00:00.250",
        });
        deployment.AddWorkflow(ReliabilityWorkflows.Timer());
        var nodes = await Task.WhenAll(deployment.StartAsync("node-a", ServerProcess.FreePort()), deployment.StartAsync("node-b", ServerProcess.FreePort()));
        var apiKey = await nodes[0].CreateAdminApiKeyAsync(TestContext.Current.CancellationToken);
        using var clientA = Api.CreateClient(nodes[0].BaseAddress, apiKey);
        using var clientB = Api.CreateClient(nodes[1].BaseAddress, apiKey);

        // Every timer is due at first + a few milliseconds; the starts (alternating between the nodes) end well before.
        var first = DateTimeOffset.UtcNow + Lead;
        var dueAt = Enumerable.Range(0, Timers).Select(i => first + (Spread * i / Timers)).ToArray();
        var starting = Stopwatch.StartNew();
        var clients = new[] { clientA, clientB };
        var next = 0;
        var load = new StartLoad(() => clients[Interlocked.Increment(ref next) % 2], ReliabilityWorkflows.TimerId, Timers,
            i => new JsonObject { ["dueAt"] = dueAt[i].ToString("O", CultureInfo.InvariantCulture) });
        await load.RunAsync(concurrency: 8, Deadline);
        var startSeconds = starting.Elapsed.TotalSeconds;
        var startsEndedBeforeFirstDue = DateTimeOffset.UtcNow < first;

        await Poll.UntilAsync(() => database.ScalarAsync($"SELECT COUNT(*) FROM wf_instances WHERE definition_id = '{ReliabilityWorkflows.TimerId}' AND status = 'Finished'"),
            n => n == Timers, "every timer to fire", Deadline, () => nodes[0].Tail() + Environment.NewLine + nodes[1].Tail());

        // Exactly once: one resume per instance in the journal, every timer bookmark consumed, no timer row left.
        var resumes = await database.RowsAsync("SELECT instance_id, COUNT(*) FROM wf_journal WHERE event = 'ActivityResumed' GROUP BY instance_id");
        Assert.Equal(Timers, resumes.Count);
        Assert.All(resumes, r => Assert.Equal(1L, Convert.ToInt64(r[1], CultureInfo.InvariantCulture)));
        Assert.Equal(Timers, await database.ScalarAsync("SELECT COUNT(*) FROM wf_bookmarks WHERE state = 'Consumed'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM wf_timers"));
        Assert.Equal(Timers, await database.ScalarAsync($"SELECT COUNT(*) FROM wf_instances WHERE definition_id = '{ReliabilityWorkflows.TimerId}'"));

        // Who fired what, and how late (the timer's own record: dueAt, firedAt and the firing node).
        var fired = (await database.RowsAsync("SELECT state FROM wf_instances"))
            .Select(r => JsonNode.Parse((string)r[0])!["variables"]!["fired"]!)
            .Select(f => (Node: f["node"]!.GetValue<string>(), Lateness: f["firedAt"]!.GetValue<DateTimeOffset>() - f["dueAt"]!.GetValue<DateTimeOffset>()))
            .ToList();
        var split = fired.GroupBy(f => f.Node).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.Equal(["node-a", "node-b"], split.Keys.Order(StringComparer.Ordinal));
        Assert.All(split.Values, n => Assert.True(n > 0));
        Assert.All(fired, f => Assert.True(f.Lateness >= TimeSpan.Zero, $"a timer fired {f.Lateness.TotalMilliseconds} ms early"));

        var lateness = fired.Select(f => f.Lateness.TotalMilliseconds).Order().ToArray();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Timers} timers due within {Spread.TotalSeconds:0} s on 2 nodes: node-a fired {split["node-a"]}, node-b fired {split["node-b"]}; "
            + $"lateness p50 {Percentile(lateness, 0.50):0} ms, p99 {Percentile(lateness, 0.99):0} ms, max {lateness[^1]:0} ms; "
            + $"{Timers} starts took {startSeconds:0.0} s ({(startsEndedBeforeFirstDue ? "all before the first timer was due" : "NOT all before the first timer was due: lateness includes start load")})");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
