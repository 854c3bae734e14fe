using System.Globalization;
using System.Text;

namespace EscalationFlows.Bench.Studio;

/// <summary>The "## Studio" section of docs/benchmarks.md: written in place, the other sections left as they are.</summary>
public static class Report
{
    public const string Heading = "## Studio";

    public static string Markdown(int activities, int runs, int warmups, Stats interactive, Stats firstNode, int renderedNodes, string machine, string load, DateTimeOffset at)
    {
        var text = new StringBuilder();
        text.AppendLine(Heading).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Opening a {activities}-activity workflow in the designer until it is interactive: from navigation start (a fresh browser context, so no");
        text.AppendLine("HTTP cache) to the property panel showing a node that was clicked as soon as it could be; headless Chromium against the real");
        text.AppendLine("server in process (Kestrel on 127.0.0.1, SQLite, Development environment serving the Vite production build). Timestamps");
        text.AppendLine("come from the page (`performance.now()`); Playwright's own round trips before the click are included. Harness:");
        text.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/EscalationFlows.Bench.Studio -- -runs {runs} -activities {activities} -write`.").AppendLine();
        text.AppendLine("| measure | median | p95 | min | max |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        text.AppendLine(Row("navigation → interactive (node clicked, panel shown)", interactive));
        text.AppendLine(Row("navigation → first node in the DOM", firstNode)).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- {runs} measured runs after {warmups} warm-ups; {renderedNodes} of {activities} nodes rendered at first (only the visible part of a large workflow is).");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Load average (1 min) while measuring: {load}; other engineers' builds and tests were running on the same 2 cores.");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Measured {at:yyyy-MM-dd HH:mm} UTC.");
        return text.ToString();
    }

    /// <summary>Replaces the Studio section of docs/benchmarks.md (or adds it, or creates the file); returns the file's path.</summary>
    public static string Write(string section)
    {
        var file = Path.Combine(FindRoot(), "docs", "benchmarks.md");
        var existing = File.Exists(file) ? File.ReadAllText(file) : "# Benchmarks\n\nMeasured by the harnesses in bench/; each section says how to run its harness again.\n";
        var lines = existing.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => l.Trim() == Heading);
        if (start < 0)
        {
            var text = existing.TrimEnd('\n') + "\n\n" + section;
            File.WriteAllText(file, text.TrimEnd('\n') + "\n");
            return file;
        }

        var end = lines.FindIndex(start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var before = string.Join('\n', lines.Take(start));
        var after = end < 0 ? string.Empty : "\n" + string.Join('\n', lines.Skip(end));
        File.WriteAllText(file, (before.TrimEnd('\n') + "\n\n" + section.TrimEnd('\n') + "\n" + after).TrimEnd('\n') + "\n");
        return file;
    }

    private static string Row(string name, Stats s) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {s.Median:0} ms | {s.P95:0} ms | {s.Min:0} ms | {s.Max:0} ms |");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EscalationFlows.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("EscalationFlows.sln was not found above the harness.");
    }
}
