namespace EscalationFlows.Server.Background;

/// <summary>How the background dispatchers wait, bound from the <c>Runtime</c> configuration section.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Runtime";

    /// <summary>Longest wait between two checks for due timers (a timer due sooner is fired when due).</summary>
    public TimeSpan TimerPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Wait between two outbox batches when the last one was empty.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>First wait after a failure (database unreachable); doubles per failure in a row.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxErrorBackoff { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BackoffAfter(int failuresInARow)
    {
        var factor = Math.Pow(2, Math.Clamp(failuresInARow - 1, 0, 20));
        var wait = TimeSpan.FromTicks((long)Math.Min(ErrorBackoff.Ticks * factor, MaxErrorBackoff.Ticks));
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1);
    }
}
