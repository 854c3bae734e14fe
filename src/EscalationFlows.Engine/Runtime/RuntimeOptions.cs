namespace EscalationFlows.Engine.Runtime;

/// <summary>Runtime tuning. Bound from the <c>Runtime</c> configuration section.</summary>
public sealed class RuntimeOptions
{
    /// <summary>How often a burst is re-run after losing an optimistic-concurrency race.</summary>
    public int MaxConflictRetries { get; set; } = 8;

    public int TimerBatchSize { get; set; } = 200;

    public TimeSpan TimerLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How many instances' timers of one claimed batch fire at the same time (each instance's own timers still fire one
    /// after another, in due order). More overlaps the database round trips of independent bursts.
    /// </summary>
    public int TimerConcurrency { get; set; } = 4;

    public int OutboxBatchSize { get; set; } = 100;

    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How many instances' messages of one claimed outbox batch are delivered at the same time (each instance's own
    /// messages still go one after another, oldest first), so one slow receiver does not hold up every other delivery.
    /// </summary>
    public int OutboxConcurrency { get; set; } = 4;

    /// <summary>
    /// How long a message whose delivery failed waits before its next attempt: this after the first attempt, doubling with
    /// every further attempt up to <see cref="OutboxMaxRetryDelay"/>. A delivery the receiver rejects for good is not
    /// retried at all.
    /// </summary>
    public TimeSpan OutboxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two delivery attempts of one message.</summary>
    public TimeSpan OutboxMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Depth limit for delivering runtime messages (child start, parent resume) right after a commit.</summary>
    public int InlineDeliveryDepth { get; set; } = 16;

    public string NodeId { get; set; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
