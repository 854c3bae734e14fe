using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>Where an instance stands after a start, resume, retry or cancel.</summary>
public sealed record WorkflowRunResult
{
    public required string InstanceId { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required WorkflowStatus Status { get; init; }

    public string? SubStatus { get; init; }

    public string? CorrelationId { get; init; }

    public IReadOnlyList<Bookmark> Bookmarks { get; init; } = [];

    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    public JsonObject? Output { get; init; }

    /// <summary>True when this is the stored first result of a repeated Idempotency-Key.</summary>
    public bool Replayed { get; init; }

    public static WorkflowRunResult From(WorkflowState state) => new()
    {
        InstanceId = state.Id,
        DefinitionId = state.DefinitionId,
        DefinitionVersion = state.DefinitionVersion,
        Status = state.Status,
        SubStatus = state.SubStatus,
        CorrelationId = state.CorrelationId,
        Bookmarks = [.. state.Bookmarks],
        Incidents = [.. state.Incidents],
        Output = (JsonObject?)state.Output?.DeepClone(),
    };
}
