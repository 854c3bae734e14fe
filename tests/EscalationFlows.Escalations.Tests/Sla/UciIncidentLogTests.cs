using System.Globalization;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Tests.Sla.Support;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>
/// Sanity checks on real data: the first 500 incidents of the UCI "Incident management process enriched event log"
/// (an anonymised ServiceNow audit log). Its timestamps have no zone; they are read as UTC.
/// </summary>
public sealed class UciIncidentLogTests(ITestOutputHelper output)
{
    private const string SamplePath = "/work/shared/data/uci-incident-event-log/incident_event_log.sample-first500.csv";

    [Fact]
    public void In_a_24x7_calendar_each_opened_to_resolved_span_counts_exactly_its_wall_time()
    {
        var incidents = Resolved(Load());
        var utc = BusinessCalendar.TwentyFourSeven("24x7", "UTC");
        var berlin = Calendars.TwentyFourSeven(Zones.Berlin);

        foreach (var incident in incidents)
        {
            var wall = incident.ResolvedAt!.Value - incident.OpenedAt;
            Assert.Equal(wall, utc.BusinessTimeBetween(incident.OpenedAt, incident.ResolvedAt.Value));
            Assert.Equal(wall, berlin.BusinessTimeBetween(incident.OpenedAt, incident.ResolvedAt.Value));
            Assert.Equal(incident.ResolvedAt.Value, berlin.AddBusinessTime(incident.OpenedAt, wall));
        }

        var crossingDst = incidents.Count(i => i.OpenedAt < new DateTimeOffset(2016, 3, 27, 1, 0, 0, TimeSpan.Zero) && i.ResolvedAt > new DateTimeOffset(2016, 3, 27, 1, 0, 0, TimeSpan.Zero));
        output.WriteLine($"{incidents.Count} resolved incidents; {crossingDst} of them span Berlin's DST change of 2016-03-27.");
        Assert.True(incidents.Count > 400, $"expected most of the 500 incidents to be resolved, found {incidents.Count}");
    }

    [Fact]
    public void In_an_8x5_calendar_business_time_never_exceeds_wall_time()
    {
        var incidents = Resolved(Load());
        var calendar = Calendars.BerlinBusinessHours();
        var shorter = 0;

        foreach (var incident in incidents)
        {
            var resolved = incident.ResolvedAt!.Value;
            var business = calendar.BusinessTimeBetween(incident.OpenedAt, resolved);
            Assert.True(business <= resolved - incident.OpenedAt, $"{incident.Number}: {business} business > {resolved - incident.OpenedAt} wall");
            var earliest = calendar.AddBusinessTime(incident.OpenedAt, business);
            Assert.True(earliest <= resolved, incident.Number);
            Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(earliest, resolved));
            shorter += business < resolved - incident.OpenedAt ? 1 : 0;
        }

        output.WriteLine($"{shorter} of {incidents.Count} spans count less business time than wall time in Mon–Fri 09:00–17:00 Europe/Berlin.");
        Assert.True(shorter > incidents.Count / 2);
    }

    [Fact]
    public void Replaying_each_incident_builds_a_ledger_that_explains_every_minute()
    {
        var incidents = Load();
        var calendar = Calendars.BerlinBusinessHours();
        var (met, breached, paused, rejected) = (0, 0, 0, 0);

        foreach (var incident in incidents)
        {
            var clock = SlaClock.ForPolicy(SlaDefaults.Policy, calendar, incident.Number, SlaMetric.Resolution, incident.FinalPriority);
            clock.Start(incident.OpenedAt);
            var last = incident.OpenedAt;
            foreach (var row in incident.Rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.ModCount))
            {
                try
                {
                    if (row.State.StartsWith("Awaiting", StringComparison.Ordinal))
                    {
                        paused += clock.Pause(row.State.ToLowerInvariant(), row.UpdatedAt) == SlaClockEventResult.Applied ? 1 : 0;
                    }
                    else if (row.State is "Resolved" or "Closed")
                    {
                        clock.Stop(row.UpdatedAt);
                    }
                    else
                    {
                        clock.Resume(row.UpdatedAt);
                    }

                    last = row.UpdatedAt > last ? row.UpdatedAt : last;
                }
                catch (SlaClockEventException ex) when (ex.Code == SlaClockErrorCodes.BeforeStart)
                {
                    // A few audit rows are stamped before the incident's opened_at; the clock must refuse them.
                    Assert.True(row.UpdatedAt < incident.OpenedAt);
                    rejected++;
                }
            }

            var end = clock.StoppedAt ?? last;
            var explanation = clock.Explain(end);
            Assert.Equal(clock.Elapsed(end), explanation.Counted);
            Assert.True(clock.Elapsed(end) <= end - incident.OpenedAt, incident.Number);
            AssertSpansCoverTheClock(explanation, incident.OpenedAt, end, incident.Number);
            met += clock.Status(end) == SlaClockStatus.Met ? 1 : 0;
            breached += clock.Status(end) == SlaClockStatus.Breached ? 1 : 0;
        }

        output.WriteLine($"{incidents.Count} incidents replayed: {paused} pauses applied, {rejected} rows before opened_at rejected; default policy in Mon–Fri 09:00–17:00: {met} met, {breached} breached.");
        Assert.True(paused > 0, "the sample has Awaiting states, so some pauses must apply");
    }

    /// <summary>The span lines (running, outside hours, paused) tile [start, end) with no gap and no overlap.</summary>
    private static void AssertSpansCoverTheClock(SlaExplanation explanation, DateTimeOffset start, DateTimeOffset end, string number)
    {
        var cursor = start;
        foreach (var line in explanation.Lines.Where(l => l.From < l.To))
        {
            Assert.True(line.From == cursor, $"{number}: line '{line.Text}' starts at {line.From:O}, expected {cursor:O}");
            cursor = line.To;
        }

        Assert.True(cursor == end, $"{number}: lines end at {cursor:O}, clock at {end:O}");
    }

    private static List<Incident> Resolved(IReadOnlyList<Incident> incidents) =>
        [.. incidents.Where(i => i.ResolvedAt is { } resolved && resolved >= i.OpenedAt)];

    private static List<Incident> Load()
    {
        if (!File.Exists(SamplePath))
        {
            Assert.Skip($"The UCI sample {SamplePath} is not on this machine (it lives in the shared data folder, not in the repository).");
        }

        var lines = File.ReadAllLines(SamplePath);
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"column {name} missing");
        var (number, state, modCount, openedAt, updatedAt, priority, resolvedAt) =
            (Column("number"), Column("incident_state"), Column("sys_mod_count"), Column("opened_at"), Column("sys_updated_at"), Column("priority"), Column("resolved_at"));

        return [.. lines.Skip(1)
            .Select(l => l.Split(','))
            .GroupBy(f => f[number])
            .Select(g =>
            {
                var rows = g.Select(f => new Row(f[state], int.Parse(f[modCount], CultureInfo.InvariantCulture), Parse(f[updatedAt])!.Value)).ToList();
                var final = g.MaxBy(f => int.Parse(f[modCount], CultureInfo.InvariantCulture))!;
                return new Incident(g.Key, Parse(final[openedAt])!.Value, Parse(final[resolvedAt]), int.Parse(final[priority][..1], CultureInfo.InvariantCulture), rows);
            })];
    }

    private static DateTimeOffset? Parse(string text) =>
        text == "?" ? null : DateTimeOffset.ParseExact(text, "d/M/yyyy H:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private sealed record Row(string State, int ModCount, DateTimeOffset UpdatedAt);

    private sealed record Incident(string Number, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, int FinalPriority, IReadOnlyList<Row> Rows);
}
