namespace EscalationFlows.Escalations.Records;

/// <summary>Who owns a stage, since when and why. The latest entry of a stage is its owner; earlier ones are its history.</summary>
public sealed record StageOwnerEntry
{
    public required int Sequence { get; init; }

    public required string Stage { get; init; }

    /// <summary>A user id, or null while the stage waits in a queue.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The owner's display name, or the queue ("escalation managers").</summary>
    public required string OwnerName { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Reason { get; init; }

    /// <summary>Who named the owner (a user id, or <c>system</c>).</summary>
    public required string Actor { get; init; }
}
