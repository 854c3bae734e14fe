using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>An instance in a list: enough to show and filter it without loading its whole state.</summary>
public sealed record InstanceSummary
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required WorkflowStatus Status { get; init; }

    public string? SubStatus { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Incidents not yet resolved.</summary>
    public int IncidentCount { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public static InstanceSummary From(WorkflowState state) => new()
    {
        Id = state.Id,
        DefinitionId = state.DefinitionId,
        DefinitionVersion = state.DefinitionVersion,
        Status = state.Status,
        SubStatus = state.SubStatus,
        CorrelationId = state.CorrelationId,
        IncidentCount = state.Incidents.Count(i => !i.Resolved),
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        FinishedAt = state.FinishedAt,
    };
}
