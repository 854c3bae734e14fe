namespace EscalationFlows.Escalations.Storage;

/// <summary>A resolution team, the skills it covers and its active members (ordered by user id).</summary>
public sealed record DirectoryTeam
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Skills { get; init; } = [];

    public IReadOnlyList<DirectoryUser> Members { get; init; } = [];
}
