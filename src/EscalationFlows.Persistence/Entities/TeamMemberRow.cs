namespace EscalationFlows.Persistence.Entities;

/// <summary>A user's membership of a team (table <c>auth_team_members</c>).</summary>
public sealed class TeamMemberRow
{
    public required string TeamId { get; set; }

    public required string UserId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
