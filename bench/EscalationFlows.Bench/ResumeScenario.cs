using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Bench;

/// <summary>
/// (b) resume throughput: park instances on their "resolved" bookmark, then concurrent clients resume distinct
/// bookmarks (record → next bookmark "acknowledged"). Checked afterwards: exactly one resume per instance in the journal.
/// </summary>
public static class ResumeScenario
{
    private const string NotifyUrl = "http://127.0.0.1:9/hooks";

    public static async Task RunAsync(BenchDatabase database, BenchOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        await using var node = await InProcessNode.StartAsync(database, "bench-a", BenchWorkflows.Escalation(NotifyUrl));
        var bookmarks = new string[options.Parked];
        var before = await Counters.CaptureAsync(node.Diagnostics, database);
        var (parking, parkingCpu) = await Cpu.MeasureAsync(Cpu.ThisProcess, () => Load.BatchAsync(options.Parked, 16, async i =>
        {
            var run = await node.Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = BenchWorkflows.EscalationId, Input = BenchWorkflows.EscalationInput(i) });
            bookmarks[i] = run.Bookmarks.Single().Id;
            return (string?)null;
        }));
        var after = await Counters.CaptureAsync(node.Diagnostics, database);
        report.Row($"(b) park: start → bookmark, in process, {database.Provider}", string.Create(CultureInfo.InvariantCulture, $"{options.Parked:N0} starts, 16 clients"),
            parking, parkingCpu, before.PerOperation(after, parking.Succeeded));

        before = after;
        var (resumes, resumesCpu) = await Cpu.MeasureAsync(Cpu.ThisProcess, () => Load.BatchAsync(options.Parked, options.ResumeClients, async i =>
        {
            var run = await node.Runtime.ResumeAsync(bookmarks[i], new JsonObject { ["resolution"] = "fixed" });
            return run.Status == WorkflowStatus.Suspended ? null : $"ended {run.Status}";
        }));
        after = await Counters.CaptureAsync(node.Diagnostics, database);
        report.Row($"(b) resume → next bookmark, in process, {database.Provider}",
            string.Create(CultureInfo.InvariantCulture, $"{options.Parked:N0} distinct bookmarks, {options.ResumeClients} clients"), resumes, resumesCpu, before.PerOperation(after, resumes.Succeeded));

        var resumed = await database.CountAsync("SELECT COUNT(*) FROM wf_journal WHERE event = 'ActivityResumed'");
        var twice = await database.CountAsync("SELECT COUNT(*) FROM (SELECT instance_id FROM wf_journal WHERE event = 'ActivityResumed' GROUP BY instance_id HAVING COUNT(*) > 1) AS t");
        report.Line(string.Create(CultureInfo.InvariantCulture,
            $"<!-- (b) {database.Provider}: {resumed} ActivityResumed journal entries for {options.Parked} resumes; instances resumed more than once: {twice} -->"));
        if (resumed != resumes.Succeeded || twice != 0)
        {
            throw new InvalidOperationException($"Duplicate or missing continuations: {resumed} resumes journaled for {resumes.Succeeded} acknowledged, {twice} instances resumed twice.");
        }
    }
}
