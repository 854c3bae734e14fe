using System.Diagnostics;
using System.Globalization;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Bench;

/// <summary>
/// (d) timer draining: park instances on timers, let them all come due, then fire them with one node (and, on
/// PostgreSQL, with two nodes on one database) as fast as the dispatcher loop goes: claim a batch, fire each.
/// </summary>
public static class TimerScenario
{
    public static async Task RunAsync(BenchDatabase database, BenchOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        await using var nodeA = await InProcessNode.StartAsync(database, "bench-a", BenchWorkflows.Timer());
        await DrainAsync(database, options, report, [nodeA]);
        if (database.IsPostgres)
        {
            await using var nodeB = await InProcessNode.StartAsync(database, "bench-b", BenchWorkflows.Timer());
            await DrainAsync(database, options, report, [nodeA, nodeB]);
        }
    }

    private static async Task DrainAsync(BenchDatabase database, BenchOptions options, Report report, InProcessNode[] nodes)
    {
        var input = new System.Text.Json.Nodes.JsonObject { ["dueAt"] = DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture) };
        var parked = await Load.BatchAsync(options.Timers, 16, async _ =>
        {
            var run = await nodes[0].Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = BenchWorkflows.TimerId, Input = (System.Text.Json.Nodes.JsonObject)input.DeepClone() });
            return run.Bookmarks.Count == 1 ? null : "no timer bookmark";
        });
        if (parked.Failed > 0)
        {
            throw new InvalidOperationException($"Parking timers failed: {parked.FirstError}");
        }

        await database.MakeTimersDueAsync(DateTimeOffset.UtcNow.AddSeconds(-1));

        var before = await Counters.CaptureAsync(nodes[0].Diagnostics, database);
        var secondBefore = nodes.Length > 1 ? nodes[1].Diagnostics.Commits : 0;
        var cpuBefore = Cpu.ThisProcess();
        var clock = Stopwatch.StartNew();
        var fired = await Task.WhenAll(nodes.Select(n => Task.Run(async () =>
        {
            var total = 0;
            int claimed;
            while ((claimed = await n.Runtime.ProcessDueTimersAsync()) > 0)
            {
                total += claimed;
            }

            return total;
        })));
        var elapsed = clock.Elapsed;
        var cpu = Cpu.ThisProcess() - cpuBefore;
        var after = await Counters.CaptureAsync(nodes[0].Diagnostics, database);
        var left = await database.CountAsync("SELECT COUNT(*) FROM wf_timers");
        var result = new LoadResult(new Latencies([]), fired.Sum(), (int)left, elapsed, left == 0 ? null : $"{left} timers left");
        var writes = before.PerOperation(after, fired.Sum());
        if (nodes.Length > 1)
        {
            writes += string.Create(CultureInfo.InvariantCulture, $"; node-b bursts {(nodes[1].Diagnostics.Commits - secondBefore) / (double)fired.Sum():0.00}; split {string.Join(" / ", fired)}");
        }

        report.Row($"(d) drain due timers, in process, {database.Provider}",
            string.Create(CultureInfo.InvariantCulture, $"{options.Timers:N0} due timers, {nodes.Length} node{(nodes.Length > 1 ? "s" : string.Empty)}"), result, cpu, writes);
    }
}
