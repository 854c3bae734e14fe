namespace EscalationFlows.Server.Api.Tasks;

/// <summary>Body of reassignment: a user id or a team name (exactly one), and why.</summary>
public sealed class ReassignTaskRequest
{
    public string? UserId { get; init; }

    public string? Team { get; init; }

    public string? Reason { get; init; }
}
