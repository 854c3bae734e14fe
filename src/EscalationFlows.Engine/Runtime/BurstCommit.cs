using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// One atomic write: the instance state, bookmark and timer changes, journal entries, outbox messages, effects and
/// the idempotency record. <see cref="ExpectedRevision"/> is null for a new instance.
/// </summary>
public sealed record BurstCommit
{
    public required BurstResult Result { get; init; }

    public long? ExpectedRevision { get; init; }

    public IdempotencyRecord? Idempotency { get; init; }

    /// <summary>A timer that caused this burst; deleted in the same transaction.</summary>
    public string? CompletedTimerId { get; init; }
}
