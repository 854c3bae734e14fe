using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Server.Api.Tasks;

/// <summary>A task in a list: what it is, for whom, how urgent, and its state.</summary>
public record TaskSummaryResponse
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>open, completed or cancelled.</summary>
    public required string Status { get; init; }

    public int Priority { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Open and past its due time.</summary>
    public bool Overdue { get; init; }

    public string? AssigneeId { get; init; }

    public string? CandidateTeam { get; init; }

    public string? CandidateRole { get; init; }

    public required string InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    public required string ActivityId { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? EscalatedAt { get; init; }

    public string? Outcome { get; init; }

    public string? CompletedBy { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The task's version; claim, release, reassign and completion raise it.</summary>
    public long Revision { get; init; }

    public static TaskSummaryResponse From(HumanTaskRow row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new TaskSummaryResponse
        {
            Id = row.Id,
            Title = row.Title,
            Status = row.Status,
            Priority = row.Priority,
            DueAt = row.DueAt,
            Overdue = row.Status == HumanTaskStatuses.Open && row.DueAt < now,
            AssigneeId = row.AssigneeId,
            CandidateTeam = row.CandidateTeam,
            CandidateRole = row.CandidateRole,
            InstanceId = row.InstanceId,
            DefinitionId = row.DefinitionId,
            ActivityId = row.ActivityId,
            CorrelationId = row.CorrelationId,
            CreatedAt = row.CreatedAt,
            UpdatedAt = row.UpdatedAt,
            EscalatedAt = row.EscalatedAt,
            Outcome = row.Outcome,
            CompletedBy = row.CompletedBy,
            CompletedAt = row.CompletedAt,
            Revision = row.Revision,
        };
    }
}
