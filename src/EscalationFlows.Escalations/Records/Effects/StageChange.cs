namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>
/// Moves the escalation to <see cref="Stage"/>. The stage's owner is <see cref="Owner"/> (a user id or email) when
/// given; else the escalation owner; else the previous stage's owner; else nobody yet (<see cref="Queue"/> says where it waits).
/// </summary>
public sealed record StageChange
{
    public required string Stage { get; init; }

    public string? Owner { get; init; }

    /// <summary>Where the stage waits while nobody owns it, such as "escalation managers".</summary>
    public string? Queue { get; init; }

    public required string Reason { get; init; }
}
