namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>Names an owner (a user id or email) and says why.</summary>
public sealed record OwnerNaming
{
    public required string Owner { get; init; }

    public required string Reason { get; init; }
}
