namespace EscalationFlows.Escalations.Sla.Policies;

/// <summary>
/// A point on the SLA clock, as a percentage of the target, at which something should happen
/// (for example 75 % → "escalate"). A threshold fires at most once per clock.
/// </summary>
public sealed record SlaThreshold
{
    /// <summary>Percentage of the target, 1 to 1000 (values above 100 fire after the breach).</summary>
    public int Percent { get; init; }

    /// <summary>Display name, for example "75 % warning".</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Action label such as "warn", "escalate" or "breach" (see <see cref="SlaThresholdActions"/>).</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The default thresholds: 50 % and 75 % warn, 90 % escalate (at risk), 100 % breach.</summary>
    public static IReadOnlyList<SlaThreshold> Defaults { get; } =
    [
        new() { Percent = 50, Name = "50 % warning", Action = SlaThresholdActions.Warn },
        new() { Percent = 75, Name = "75 % warning", Action = SlaThresholdActions.Warn },
        new() { Percent = 90, Name = "90 % at risk", Action = SlaThresholdActions.Escalate },
        new() { Percent = 100, Name = "breach", Action = SlaThresholdActions.Breach },
    ];

    /// <summary>The business time at which this threshold is reached for <paramref name="target"/> (exact to the tick).</summary>
    public TimeSpan AmountOf(TimeSpan target) => TimeSpan.FromTicks((long)((Int128)target.Ticks * Percent / 100));
}
