using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Execution;

/// <summary>Computes the wait before the next attempt: exponential backoff, capped, with random jitter.</summary>
public static class RetryDelays
{
    public static TimeSpan Compute(RetryPolicyDefinition policy, int failedAttempt, Random? random = null)
    {
        var initial = Durations.TryParse(policy.Delay, out var d) ? d : TimeSpan.Zero;
        var multiplier = policy.BackoffMultiplier ?? 2.0;
        var delay = initial * Math.Pow(multiplier, Math.Max(0, failedAttempt - 1));
        if (Durations.TryParse(policy.MaxDelay, out var max) && delay > max)
        {
            delay = max;
        }

        var jitter = policy.JitterRatio ?? 0.0;
        if (jitter > 0 && delay > TimeSpan.Zero)
        {
#pragma warning disable CA5394 // Jitter spreads retries; it needs no cryptographic randomness.
            delay += delay * (jitter * (random ?? Random.Shared).NextDouble());
#pragma warning restore CA5394
        }

        return delay;
    }
}
