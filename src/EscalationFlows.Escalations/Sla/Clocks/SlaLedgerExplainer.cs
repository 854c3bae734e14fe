using System.Globalization;
using EscalationFlows.Escalations.Sla.Calendars;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>Turns a clock's ledger into plain-English lines; every counted tick appears in exactly one counted line.</summary>
internal static class SlaLedgerExplainer
{
    private const int MaxClosedDayGroups = 3;

    public static SlaExplanation Explain(SlaClock clock, DateTimeOffset now)
    {
        var calendar = clock.Calendar;
        var summary = SlaText.Summary(clock.Snapshot(now), calendar);
        if (clock.StartedAt is not { } started || now < started)
        {
            return new SlaExplanation([], TimeSpan.Zero, summary);
        }

        var end = clock.StoppedAt is { } stopped && stopped < now ? stopped : now;
        var lines = new List<(DateTimeOffset At, int Order, SlaExplanationLine Line)>();
        var initialTarget = clock.TargetChanges.Count > 0 ? clock.TargetChanges[0].PreviousTarget : clock.Target;
        var metric = clock.Metric == SlaMetric.Response ? "response" : "resolution";
        lines.Add((started, 0, Event(SlaExplanationLineKind.Started, started, $"{SlaText.Instant(calendar, started)} {metric} clock started: target {SlaText.Duration(initialTarget)}")));

        foreach (var interval in clock.Intervals)
        {
            var intervalEnd = interval.End is { } e && e < end ? e : end;
            if (intervalEnd <= interval.Start)
            {
                continue;
            }

            if (interval.Kind == SlaLedgerIntervalKind.Paused)
            {
                lines.Add((interval.Start, 1, Paused(calendar, interval.Start, intervalEnd, interval.Reason ?? "paused")));
                continue;
            }

            var cursor = interval.Start;
            foreach (var business in calendar.BusinessIntervals(interval.Start, intervalEnd))
            {
                if (business.Start > cursor)
                {
                    lines.Add((cursor, 1, Outside(calendar, cursor, business.Start)));
                }

                lines.Add((business.Start, 1, Counted(calendar, business)));
                cursor = business.End;
            }

            if (cursor < intervalEnd)
            {
                lines.Add((cursor, 1, Outside(calendar, cursor, intervalEnd)));
            }
        }

        foreach (var change in clock.TargetChanges.Where(c => c.At <= now))
        {
            lines.Add((change.At, 2, Event(SlaExplanationLineKind.TargetChanged, change.At, $"{SlaText.Instant(calendar, change.At)} target changed from {SlaText.Duration(change.PreviousTarget)} to {SlaText.Duration(change.NewTarget)} ({change.Reason})")));
        }

        foreach (var firing in clock.FiredThresholds.Where(f => f.FiredAt <= now))
        {
            var threshold = clock.Thresholds.FirstOrDefault(t => t.Percent == firing.Percent);
            var name = threshold is null
                ? string.Create(CultureInfo.InvariantCulture, $"{firing.Percent} % threshold")
                : string.Create(CultureInfo.InvariantCulture, $"{threshold.Name} ({threshold.Percent} %, {threshold.Action})");
            lines.Add((firing.FiredAt, 3, Event(SlaExplanationLineKind.ThresholdFired, firing.FiredAt, $"{SlaText.Instant(calendar, firing.FiredAt)} {name} fired")));
        }

        if (clock.StoppedAt is { } stop && stop <= now)
        {
            lines.Add((stop, 4, Stopped(clock, stop)));
        }

        var ordered = lines.OrderBy(l => l.At).ThenBy(l => l.Order).Select(l => l.Line).ToList();
        var counted = new TimeSpan(ordered.Sum(l => l.Counted.Ticks));
        return new SlaExplanation(ordered, counted, summary);
    }

    private static SlaExplanationLine Event(SlaExplanationLineKind kind, DateTimeOffset at, string text) =>
        new(kind, at, at, TimeSpan.Zero, TimeSpan.Zero, text);

    private static SlaExplanationLine Counted(BusinessCalendar calendar, BusinessInterval business)
    {
        var text = $"{SlaText.Range(calendar, business.Start, business.End)} running: {SlaText.Duration(business.Duration)} counted{Note(calendar, business.Start, business.End)}";
        return new SlaExplanationLine(SlaExplanationLineKind.Counted, business.Start, business.End, business.Duration, TimeSpan.Zero, text);
    }

    private static SlaExplanationLine Outside(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var closed = ClosedDays(calendar, from, to);
        var detail = closed.Length > 0 ? $" ({closed})" : string.Empty;
        var text = $"{SlaText.Range(calendar, from, to)} outside business hours{detail}: {SlaText.Duration(to - from)} not counted{Note(calendar, from, to)}";
        return new SlaExplanationLine(SlaExplanationLineKind.OutsideBusinessHours, from, to, TimeSpan.Zero, to - from, text);
    }

    private static SlaExplanationLine Paused(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to, string reason)
    {
        var wall = to - from;
        var business = calendar.BusinessTimeBetween(from, to);
        var amount = business == wall
            ? $"{SlaText.Duration(wall)} not counted"
            : $"{SlaText.Duration(wall)}, of which {SlaText.Duration(business)} business time, not counted";
        var text = $"{SlaText.Range(calendar, from, to)} paused {reason}: {amount}{Note(calendar, from, to)}";
        return new SlaExplanationLine(SlaExplanationLineKind.Paused, from, to, TimeSpan.Zero, wall, text);
    }

    private static SlaExplanationLine Stopped(SlaClock clock, DateTimeOffset stop)
    {
        var calendar = clock.Calendar;
        var elapsed = clock.Elapsed(stop);
        var deadline = clock.ReachedAt(clock.Target, stop);
        var outcome = deadline is null || stop <= deadline
            ? $"met with {SlaText.Duration(clock.Target - elapsed)} to spare"
            : $"breached; the deadline was {SlaText.Instant(calendar, deadline.Value)}, stopped {SlaText.Duration(calendar.BusinessTimeBetween(deadline.Value, stop))} of business time ({SlaText.Duration(stop - deadline.Value)} elapsed) after it";
        var text = $"{SlaText.Instant(calendar, stop)} stopped: {SlaText.Duration(elapsed)} counted against a target of {SlaText.Duration(clock.Target)}, {outcome}";
        return Event(SlaExplanationLineKind.Stopped, stop, text);
    }

    private static string Note(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var note = SlaText.DstNote(calendar, from, to);
        return note.Length == 0 ? string.Empty : $" ({note})";
    }

    /// <summary>Names the whole local dates inside a gap that are closed: "weekend Sat 2025-01-11 – Sun 2025-01-12; holiday Christmas Day Thu 2025-12-25".</summary>
    private static string ClosedDays(BusinessCalendar calendar, DateTimeOffset from, DateTimeOffset to)
    {
        var localFrom = calendar.ToLocal(from).DateTime;
        var first = DateOnly.FromDateTime(localFrom).AddDays(localFrom.TimeOfDay == TimeSpan.Zero ? 0 : 1);
        var last = DateOnly.FromDateTime(calendar.ToLocal(to).DateTime).AddDays(-1);
        var groups = new List<(string Label, DateOnly From, DateOnly To)>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            if (calendar.HoursOn(date).Count > 0)
            {
                continue;
            }

            var label = Label(calendar, date);
            if (groups.Count > 0 && groups[^1].Label == label && groups[^1].To.AddDays(1) == date)
            {
                groups[^1] = groups[^1] with { To = date };
            }
            else
            {
                groups.Add((label, date, date));
            }
        }

        var parts = groups.Take(MaxClosedDayGroups).Select(g => g.From == g.To
            ? $"{g.Label} {Day(g.From)}"
            : $"{g.Label} {Day(g.From)} – {Day(g.To)}");
        var more = groups.Count > MaxClosedDayGroups
            ? string.Create(CultureInfo.InvariantCulture, $"; and {groups.Count - MaxClosedDayGroups} more closed periods")
            : string.Empty;
        return string.Join("; ", parts) + more;
    }

    private static string Label(BusinessCalendar calendar, DateOnly date)
    {
        if (calendar.SpecialDayOn(date) is { } special)
        {
            return special.Name is null ? "closed special day" : $"{special.Name} (closed)";
        }

        if (calendar.HolidayOn(date) is { } holiday)
        {
            return holiday.Name is null ? "holiday" : $"holiday {holiday.Name}";
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? "weekend" : "non-working day";
    }

    private static string Day(DateOnly date) => date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture);
}
