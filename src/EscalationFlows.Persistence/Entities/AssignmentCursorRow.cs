namespace EscalationFlows.Persistence.Entities;

/// <summary>A team's round-robin cursor (table <c>esc_assignment_cursors</c>): the user it picked last.</summary>
public sealed class AssignmentCursorRow
{
    /// <summary>The team name in lower case.</summary>
    public required string TeamKey { get; set; }

    public required string LastUserId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
