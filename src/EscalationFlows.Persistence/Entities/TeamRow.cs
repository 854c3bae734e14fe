namespace EscalationFlows.Persistence.Entities;

/// <summary>A team, or resolution group (table <c>auth_teams</c>), with the skills it covers (a JSON array).</summary>
public sealed class TeamRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The name in lower case: unique, and what tasks' candidate teams are matched on.</summary>
    public required string NormalizedName { get; set; }

    /// <summary>JSON array of skill names.</summary>
    public required string Skills { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
