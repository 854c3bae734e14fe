namespace EscalationFlows.Engine.Definitions;

/// <summary>
/// Per-activity automatic retry: up to <see cref="MaxAttempts"/> attempts in all, waiting
/// <see cref="Delay"/> × <see cref="BackoffMultiplier"/>^(attempt-1) (capped by <see cref="MaxDelay"/>),
/// plus a random jitter of up to <see cref="JitterRatio"/> of that wait. Durations are ISO 8601 (PT30S).
/// </summary>
public sealed record RetryPolicyDefinition
{
    public int MaxAttempts { get; init; } = 3;

    public string? Delay { get; init; }

    public double? BackoffMultiplier { get; init; }

    public string? MaxDelay { get; init; }

    public double? JitterRatio { get; init; }
}
