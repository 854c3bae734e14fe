namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// One SLA clock (table <c>sla_clocks</c>, key subject id + metric): the clock's state as JSON, what it was built from,
/// and the threshold timers it has in <c>wf_timers</c>. The columns besides <see cref="State"/> serve lookups: open
/// clocks of a policy or calendar (recomputation), the next due threshold.
/// </summary>
public sealed class SlaClockRow
{
    public required string SubjectId { get; set; }

    /// <summary>response or resolution.</summary>
    public required string Metric { get; set; }

    /// <summary>ticket or escalation.</summary>
    public required string SubjectType { get; set; }

    public required string PolicyId { get; set; }

    public int PolicyVersion { get; set; }

    public int Priority { get; set; }

    public string? Tier { get; set; }

    public required string CalendarId { get; set; }

    public int CalendarVersion { get; set; }

    /// <summary>True when the calendar was chosen for the subject, not taken from the policy.</summary>
    public bool CalendarOverridden { get; set; }

    /// <summary>Ledger state at the last change: not-started, running, paused or stopped.</summary>
    public required string Status { get; set; }

    /// <summary>The <c>SlaClockState</c> as JSON (<c>WorkflowJson</c>): ledger, target changes, thresholds, firings.</summary>
    public required string State { get; set; }

    /// <summary>The threshold timers scheduled for it, JSON object percentage → due instant.</summary>
    public required string ScheduledTimers { get; set; }

    public DateTimeOffset? NextDueAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? StoppedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token: every update checks and increments it.</summary>
    public long Revision { get; set; }
}
