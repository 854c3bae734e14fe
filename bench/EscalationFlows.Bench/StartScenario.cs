using System.Globalization;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Bench;

/// <summary>(a) in process: start → six activities → event bookmark, committed; at a fixed rate and unthrottled.</summary>
public static class StartScenario
{
    /// <summary>Outbox messages are written but not delivered in process (no dispatcher runs), so the URL is never called.</summary>
    private const string NotifyUrl = "http://127.0.0.1:9/hooks";

    public static async Task RunAsync(BenchDatabase database, BenchOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        await using var node = await InProcessNode.StartAsync(database, "bench-a", BenchWorkflows.Escalation(NotifyUrl));
        Func<int, Task<string?>> start = async i =>
        {
            var run = await node.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = BenchWorkflows.EscalationId, Input = BenchWorkflows.EscalationInput(i) });
            return run.Status == WorkflowStatus.Suspended ? null : $"ended {run.Status}";
        };

        await Load.WarmUpAsync(options.Clients, options.Warmup, options.Rate, start);
        var before = await Counters.CaptureAsync(node.Diagnostics, database);
        var (open, openCpu) = await Cpu.MeasureAsync(Cpu.ThisProcess, () => Load.OpenAsync(options.Rate, options.Duration, start));
        var after = await Counters.CaptureAsync(node.Diagnostics, database);
        report.Row($"(a) start → bookmark, in process, {database.Provider}", string.Create(CultureInfo.InvariantCulture, $"open, {options.Rate:0}/s for {options.Duration.TotalSeconds:0} s"),
            open, openCpu, before.PerOperation(after, open.Succeeded));

        before = after;
        var (closed, closedCpu) = await Cpu.MeasureAsync(Cpu.ThisProcess, () => Load.ClosedAsync(options.Clients, options.Duration, start));
        after = await Counters.CaptureAsync(node.Diagnostics, database);
        report.Row($"(a) start → bookmark, in process, {database.Provider}", $"unthrottled, {options.Clients} clients", closed, closedCpu, before.PerOperation(after, closed.Succeeded));
    }
}
