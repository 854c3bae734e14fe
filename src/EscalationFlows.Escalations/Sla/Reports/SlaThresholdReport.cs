namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>One threshold of a clock: fired (with when), pending (with its due instant), or waiting (paused or stopped: no due instant).</summary>
public sealed record SlaThresholdReport
{
    public required int Percent { get; init; }

    public required string Name { get; init; }

    public required string Action { get; init; }

    /// <summary>fired, pending or waiting.</summary>
    public required string State { get; init; }

    /// <summary>When it fired.</summary>
    public DateTimeOffset? FiredAt { get; init; }

    /// <summary>When it is due (pending only), in business time assuming the clock keeps running.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The business time at which it is reached (percent × target).</summary>
    public required SlaDuration ReachedAfter { get; init; }
}
