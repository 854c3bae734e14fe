namespace EscalationFlows.Server.Api.Escalations;

/// <summary>An open human task of the escalation's workflows.</summary>
public sealed record EscalationTaskView
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public string? AssigneeId { get; init; }

    public string? CandidateTeam { get; init; }

    public string? CandidateRole { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public required string InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    public required string ActivityId { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }
}
