namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>Everything an SLA clock says about itself at one instant.</summary>
/// <param name="SubjectId">The ticket or escalation.</param>
/// <param name="Metric">Response or resolution.</param>
/// <param name="At">The instant asked about.</param>
/// <param name="Status">Not started, running, paused, met or breached.</param>
/// <param name="IsPaused">True when the clock is paused at <paramref name="At"/> (also when already breached).</param>
/// <param name="PauseReason">The current pause reason, when paused.</param>
/// <param name="Target">The business duration allowed.</param>
/// <param name="Elapsed">Business time counted so far.</param>
/// <param name="Remaining">Target minus elapsed, never below zero.</param>
/// <param name="Overrun">Elapsed minus target, never below zero.</param>
/// <param name="ElapsedPercent">Elapsed as a percentage of the target (may exceed 100).</param>
/// <param name="StartedAt">When the clock started.</param>
/// <param name="StoppedAt">When it stopped, if it has (and not after <paramref name="At"/>).</param>
/// <param name="PredictedBreachAt">When the target will be used up if the clock keeps running; null unless running and not yet breached.</param>
/// <param name="BreachedAt">When the target was used up (the deadline), if that is already in the past.</param>
/// <param name="Pauses">Pause totals per reason, in order of first appearance.</param>
public sealed record SlaClockSnapshot(
    string SubjectId,
    SlaMetric Metric,
    DateTimeOffset At,
    SlaClockStatus Status,
    bool IsPaused,
    string? PauseReason,
    TimeSpan Target,
    TimeSpan Elapsed,
    TimeSpan Remaining,
    TimeSpan Overrun,
    double ElapsedPercent,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    DateTimeOffset? PredictedBreachAt,
    DateTimeOffset? BreachedAt,
    IReadOnlyList<SlaPauseTotal> Pauses);
