namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A human task (table <c>ht_tasks</c>). Its id is the id of its <c>HumanTask</c> bookmark: the row is written in the
/// burst that creates the bookmark and closed (completed or cancelled) in the burst that removes it. Assignment
/// changes (claim, release, reassign, escalation) bump <see cref="Revision"/>, the optimistic-concurrency token.
/// </summary>
public sealed class HumanTaskRow
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityName { get; set; }

    public required string DefinitionId { get; set; }

    public int DefinitionVersion { get; set; }

    public string? CorrelationId { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    /// <summary>open, completed or cancelled (<see cref="HumanTaskStatuses"/>).</summary>
    public required string Status { get; set; }

    public string? AssigneeId { get; set; }

    public string? CandidateTeam { get; set; }

    /// <summary>The candidate team in lower case, for matching against a user's teams.</summary>
    public string? CandidateTeamKey { get; set; }

    public string? CandidateRole { get; set; }

    /// <summary>JSON <c>{ schema, uiSchema? }</c>, or null.</summary>
    public string? Form { get; set; }

    /// <summary>JSON array of outcome names.</summary>
    public required string Outcomes { get; set; }

    /// <summary>JSON, or null.</summary>
    public string? Context { get; set; }

    public int Priority { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? EscalateAt { get; set; }

    /// <summary>JSON <c>{ team?, role? }</c>, or null.</summary>
    public string? EscalateTo { get; set; }

    public DateTimeOffset? EscalatedAt { get; set; }

    public string? ClientLinkId { get; set; }

    public string? Outcome { get; set; }

    /// <summary>JSON of the submitted data, or null.</summary>
    public string? Data { get; set; }

    public string? CompletedBy { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Revision { get; set; }
}
