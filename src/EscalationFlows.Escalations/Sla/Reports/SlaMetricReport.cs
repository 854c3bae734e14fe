using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>Where one clock (response or resolution) of a subject stands, with its ledger and explanation.</summary>
public sealed record SlaMetricReport
{
    public required SlaMetric Metric { get; init; }

    public required SlaClockStatus Status { get; init; }

    public required string PolicyId { get; init; }

    public required int PolicyVersion { get; init; }

    public required int Priority { get; init; }

    public string? Tier { get; init; }

    public required string CalendarId { get; init; }

    public required int CalendarVersion { get; init; }

    public required string TimeZone { get; init; }

    public required SlaDuration Target { get; init; }

    public required SlaDuration Elapsed { get; init; }

    /// <summary>Elapsed business time as a percentage of the target (may exceed 100), two decimals.</summary>
    public required double ElapsedPercent { get; init; }

    public required SlaDuration Remaining { get; init; }

    /// <summary>How far past the target the counted time is.</summary>
    public required SlaDuration Overrun { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>When the target runs out if the clock keeps running; only while running.</summary>
    public DateTimeOffset? PredictedBreachAt { get; init; }

    /// <summary>When the target ran out, once it has.</summary>
    public DateTimeOffset? BreachedAt { get; init; }

    /// <summary>The current pause reason, while paused.</summary>
    public string? PauseReason { get; init; }

    public required IReadOnlyList<SlaPauseReport> Pauses { get; init; }

    public required IReadOnlyList<SlaThresholdReport> Thresholds { get; init; }

    public required IReadOnlyList<SlaLedgerLine> Ledger { get; init; }

    /// <summary>Target changes (priority, tier or policy changes).</summary>
    public required IReadOnlyList<SlaTargetChangeReport> TargetChanges { get; init; }

    public required SlaExplanationReport Explanation { get; init; }
}
