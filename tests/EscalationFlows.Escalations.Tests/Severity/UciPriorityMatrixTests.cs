using System.Globalization;
using System.IO.Compression;
using EscalationFlows.Escalations.Severity;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Escalations.Tests.Severity;

/// <summary>
/// The <c>servicenow-uci</c> severity profile against the real data: every event row of the UCI "Incident management
/// process enriched event log" (an anonymised ServiceNow audit log, 141,712 rows of 24,918 incidents; see
/// ../shared/data/uci-incident-event-log/SOURCE.md) records an impact, an urgency and the priority ServiceNow computed
/// from them. The profile must give that priority for every row, hence for every incident at every update. The file
/// is read in place (gzip), never copied into the repository.
/// </summary>
public sealed class UciPriorityMatrixTests(ITestOutputHelper output)
{
    private const string RelativeFolder = "uci-incident-event-log";
    private const string FileName = "incident_event_log.csv.gz";

    [Fact]
    public void The_servicenow_uci_profile_reproduces_the_recorded_priority_of_every_incident()
    {
        var path = FindLog();
        if (path is null)
        {
            Assert.Skip($"The UCI event log ({RelativeFolder}/{FileName}) is neither in ../shared/data next to the repository nor in /work/shared/data; the check needs the real data.");
        }

        var classifier = new SeverityClassifier(Options.Create(new SeverityOptions()));
        Assert.True(classifier.HasProfile(SeverityDefaults.ServiceNowUci));

        using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
        var header = reader.ReadLine()!.Split(',');
        var (numberAt, impactAt, urgencyAt, priorityAt) = (Array.IndexOf(header, "number"), Array.IndexOf(header, "impact"), Array.IndexOf(header, "urgency"), Array.IndexOf(header, "priority"));
        Assert.True(numberAt >= 0 && impactAt >= 0 && urgencyAt >= 0 && priorityAt >= 0, $"Unexpected header: {string.Join(",", header)}");

        var rows = 0;
        var incidents = new HashSet<string>(StringComparer.Ordinal);
        var mismatches = new List<string>();
        var seen = new SortedDictionary<(int Impact, int Urgency), (int Priority, int Rows)>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            Assert.True(fields.Length == header.Length, $"Row {rows + 2} has {fields.Length} fields, not {header.Length}: {line}");
            var (impact, urgency, recorded) = (Level(fields[impactAt]), Level(fields[urgencyAt]), Level(fields[priorityAt]));
            var computed = classifier.MatrixPriority(impact, urgency, SeverityDefaults.ServiceNowUci);
            if (computed != recorded)
            {
                mismatches.Add($"{fields[numberAt]} (row {rows + 2}): impact {impact}, urgency {urgency} → recorded P{recorded}, profile P{computed}");
            }

            seen[(impact, urgency)] = (recorded, seen.TryGetValue((impact, urgency), out var s) ? s.Rows + 1 : 1);
            incidents.Add(fields[numberAt]);
            rows++;
        }

        foreach (var ((impact, urgency), (priority, count)) in seen)
        {
            output.WriteLine($"impact {impact} × urgency {urgency} → P{priority} ({classifier.Label(priority, SeverityDefaults.ServiceNowUci)}): {count} rows");
        }

        output.WriteLine($"{rows} rows of {incidents.Count} incidents checked; {mismatches.Count} mismatches.");
        Assert.Empty(mismatches.Take(20));
        Assert.Equal(141_712, rows);
        Assert.Equal(24_918, incidents.Count);
        Assert.Equal(8, seen.Count);

        // The default ITIL profile differs exactly where the UCI instance caps priorities at 4 (3/3 is 5 Planning in ITIL).
        Assert.Equal(5, classifier.MatrixPriority(3, 3, SeverityDefaults.Itil));
        Assert.Equal(4, classifier.MatrixPriority(3, 3, SeverityDefaults.ServiceNowUci));
    }

    /// <summary>"2 - Medium" → 2.</summary>
    private static int Level(string field) => int.Parse(field.AsSpan(0, field.IndexOf(' ', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>../shared/data next to the repository root (the folder holding EscalationFlows.sln), else /work/shared/data.</summary>
    private static string? FindLog()
    {
        var candidates = new List<string>();
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EscalationFlows.sln")))
            {
                candidates.Add(Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "data", RelativeFolder, FileName)));
                break;
            }
        }

        candidates.Add(Path.Combine("/work/shared/data", RelativeFolder, FileName));
        return candidates.FirstOrDefault(File.Exists);
    }
}
