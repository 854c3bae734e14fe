using System.Globalization;

namespace EscalationFlows.Bench;

/// <summary>Collects the report as Markdown, printing each line as it comes, and appends it to a file at the end.</summary>
public sealed class Report
{
    private readonly List<string> _lines = [];

    public void Line(string text = "")
    {
        _lines.Add(text);
        Console.WriteLine(text);
    }

    public void TableHeader() =>
        Line("| Scenario | Load | Latency p50 / p95 / p99 / max (ms) | Completed/s | Failed | CPU ms per op | Writes per operation |" + Environment.NewLine + "|---|---|---|---|---|---|---|");

    /// <param name="cpu">CPU time used by the process doing the work during the run (the server, or this process in process).</param>
    public void Row(string scenario, string load, LoadResult result, TimeSpan cpu, string writes)
    {
        ArgumentNullException.ThrowIfNull(result);
        var cpuPerOp = result.Succeeded == 0 ? double.NaN : cpu.TotalMilliseconds / result.Succeeded;
        Line(string.Create(CultureInfo.InvariantCulture,
            $"| {scenario} | {load} | {(result.Latencies.Count == 0 ? "–" : result.Latencies.Summary())} | {result.Throughput:0.0} | {result.Failed}{(result.FirstError is null ? string.Empty : $" ({Shorten(result.FirstError)})")} | {cpuPerOp:0.00} | {writes} |"));
    }

    public async Task SaveAsync(string? path)
    {
        if (path is not null)
        {
            await File.AppendAllLinesAsync(path, _lines);
        }
    }

    private static string Shorten(string text) => (text.Length > 80 ? text[..77] + "..." : text).Replace('|', '/');
}
