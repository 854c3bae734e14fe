namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>What one run measured. Lateness is measured from each threshold's due instant.</summary>
public sealed record ScenarioResult
{
    public required ScenarioSettings Settings { get; init; }

    public required TimeSpan SetupTime { get; init; }

    public required int PendingBefore { get; init; }

    public required int Fired { get; init; }

    public required int DistinctFired { get; init; }

    public required int InstancesStarted { get; init; }

    /// <summary>First due instant to the last event published.</summary>
    public required TimeSpan DrainTime { get; init; }

    public double FiredPerSecond => Fired / DrainTime.TotalSeconds;

    /// <summary>Lateness of the firing commit (clock re-checked, firing recorded).</summary>
    public required Percentiles FiredLateness { get; init; }

    /// <summary>Lateness of the publication (event published, workflows started).</summary>
    public required Percentiles PublishedLateness { get; init; }

    public required long Commits { get; init; }

    public required long? WalSyncs { get; init; }

    public double CommitsPerFiring => (double)Commits / Fired;

    public double? WalSyncsPerFiring => WalSyncs is { } w ? (double)w / Fired : null;
}
