using EscalationFlows.Escalations.Sla.Policies;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>
/// The serialisable state of an <see cref="SlaClock"/> (for storage): everything needed to rebuild it with
/// <see cref="SlaClock.FromState"/> and the calendar named by <see cref="CalendarId"/>.
/// </summary>
public sealed record SlaClockState
{
    /// <summary>The ticket or escalation the clock belongs to.</summary>
    public string SubjectId { get; init; } = string.Empty;

    /// <summary>Response or resolution.</summary>
    public SlaMetric Metric { get; init; }

    /// <summary>The calendar the clock counts in.</summary>
    public string CalendarId { get; init; } = string.Empty;

    /// <summary>The current target (business duration).</summary>
    public TimeSpan Target { get; init; }

    /// <summary>When the clock started; null when not started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the clock stopped; null while open.</summary>
    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>The latest event instant applied (events earlier than it are rejected unless they repeat a recorded one).</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>The ledger: running and paused intervals in order; only the last may be open.</summary>
    public IReadOnlyList<SlaLedgerInterval> Intervals { get; init; } = [];

    /// <summary>Target changes in order.</summary>
    public IReadOnlyList<SlaTargetChange> TargetChanges { get; init; } = [];

    /// <summary>The thresholds of this clock.</summary>
    public IReadOnlyList<SlaThreshold> Thresholds { get; init; } = [];

    /// <summary>Thresholds that have fired.</summary>
    public IReadOnlyList<SlaThresholdFiring> FiredThresholds { get; init; } = [];
}
