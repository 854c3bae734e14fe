using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Subjects;

/// <summary>
/// One stored SLA clock (table <c>sla_clocks</c>): the clock's state with what it was built from (policy version,
/// priority, tier, calendar version) and the threshold timers scheduled for it.
/// </summary>
public sealed record StoredSlaClock
{
    public required string SubjectId { get; init; }

    public required SlaSubjectType SubjectType { get; init; }

    public required SlaMetric Metric { get; init; }

    public required string PolicyId { get; init; }

    public required int PolicyVersion { get; init; }

    public required int Priority { get; init; }

    public string? Tier { get; init; }

    public required string CalendarId { get; init; }

    public required int CalendarVersion { get; init; }

    /// <summary>True when <see cref="CalendarId"/> was chosen for the subject (client or team calendar) rather than taken from the policy.</summary>
    public bool CalendarOverridden { get; init; }

    public required SlaClockState State { get; init; }

    /// <summary>The threshold timers scheduled in <c>wf_timers</c>: percentage → due instant.</summary>
    public IReadOnlyDictionary<int, DateTimeOffset> ScheduledTimers { get; init; } = new Dictionary<int, DateTimeOffset>();

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-concurrency revision; 0 for a clock not stored yet.</summary>
    public long Revision { get; init; }

    /// <summary>The ledger state at the last change: not-started, running, paused or stopped (breached is computed on read).</summary>
    public string LedgerState => State.StoppedAt is not null ? "stopped"
        : State.StartedAt is null ? "not-started"
        : State.Intervals.Count > 0 && State.Intervals[^1].Kind == SlaLedgerIntervalKind.Paused ? "paused"
        : "running";

    /// <summary>The earliest scheduled threshold, if any.</summary>
    public DateTimeOffset? NextDueAt => ScheduledTimers.Count == 0 ? null : ScheduledTimers.Values.Min();
}
