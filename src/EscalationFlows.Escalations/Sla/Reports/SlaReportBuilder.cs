using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Subjects;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>Builds <see cref="SlaSubjectReport"/> from stored clocks: status, times, thresholds, ledger and explanation.</summary>
public static class SlaReportBuilder
{
    public static SlaSubjectReport Build(string subjectId, IReadOnlyList<(StoredSlaClock Stored, SlaClock Clock)> clocks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clocks);
        if (clocks.Count == 0)
        {
            throw new ArgumentException("A report needs at least one clock.", nameof(clocks));
        }

        return new SlaSubjectReport
        {
            SubjectId = subjectId,
            SubjectType = clocks[0].Stored.SubjectType,
            At = now,
            Metrics = [.. clocks.Select(c => Metric(c.Stored, c.Clock, now))],
        };
    }

    public static SlaMetricReport Metric(StoredSlaClock stored, SlaClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(clock);
        var snapshot = clock.Snapshot(now);
        return new SlaMetricReport
        {
            Metric = stored.Metric,
            Status = snapshot.Status,
            PolicyId = stored.PolicyId,
            PolicyVersion = stored.PolicyVersion,
            Priority = stored.Priority,
            Tier = stored.Tier,
            CalendarId = stored.CalendarId,
            CalendarVersion = stored.CalendarVersion,
            TimeZone = clock.Calendar.TimeZone.Id,
            Target = SlaDuration.From(snapshot.Target),
            Elapsed = SlaDuration.From(snapshot.Elapsed),
            ElapsedPercent = Math.Round(snapshot.ElapsedPercent, 2),
            Remaining = SlaDuration.From(snapshot.Remaining),
            Overrun = SlaDuration.From(snapshot.Overrun),
            StartedAt = snapshot.StartedAt,
            StoppedAt = snapshot.StoppedAt,
            PredictedBreachAt = snapshot.PredictedBreachAt,
            BreachedAt = snapshot.BreachedAt,
            PauseReason = snapshot.PauseReason,
            Pauses = [.. snapshot.Pauses.Select(SlaPauseReport.From)],
            Thresholds = Thresholds(clock, now),
            Ledger = Ledger(clock, now),
            TargetChanges = [.. clock.TargetChanges.Select(SlaTargetChangeReport.From)],
            Explanation = SlaExplanationReport.From(clock.Explain(now)),
        };
    }

    private static List<SlaThresholdReport> Thresholds(SlaClock clock, DateTimeOffset now)
    {
        var pending = clock.PendingThresholds(now).ToDictionary(p => p.Percent);
        return [.. clock.Thresholds.Select(t =>
        {
            var fired = clock.FiredThresholds.FirstOrDefault(f => f.Percent == t.Percent);
            var due = pending.GetValueOrDefault(t.Percent);
            return new SlaThresholdReport
            {
                Percent = t.Percent,
                Name = t.Name,
                Action = t.Action,
                State = fired is not null ? "fired" : due is not null ? "pending" : "waiting",
                FiredAt = fired?.FiredAt,
                DueAt = due?.DueAt,
                ReachedAfter = SlaDuration.From(t.AmountOf(clock.Target)),
            };
        })];
    }

    private static List<SlaLedgerLine> Ledger(SlaClock clock, DateTimeOffset now) =>
        [.. clock.Intervals.Where(i => i.Start <= now).Select(i =>
        {
            var end = i.End is { } e && e < now ? e : now;
            var counted = i.Kind == SlaLedgerIntervalKind.Running ? clock.Calendar.BusinessTimeBetween(i.Start, end) : TimeSpan.Zero;
            return new SlaLedgerLine
            {
                Kind = i.Kind,
                From = i.Start,
                To = i.End,
                Reason = i.Reason,
                Counted = SlaDuration.From(counted),
                Duration = SlaDuration.From(end - i.Start),
            };
        })];
}
