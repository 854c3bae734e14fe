using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Api.Instances;

/// <summary>Where an instance stands after a start, resume, cancel, retry or event.</summary>
public sealed record WorkflowRunResponse
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public required WorkflowStatus Status { get; init; }

    public string? SubStatus { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>What the instance now waits on; resume one with POST /api/bookmarks/{id}/resume.</summary>
    public required IReadOnlyList<Bookmark> Bookmarks { get; init; }

    public required IReadOnlyList<Incident> Incidents { get; init; }

    public JsonObject? Output { get; init; }

    /// <summary>True when this is the stored first result of a repeated Idempotency-Key.</summary>
    public bool Replayed { get; init; }

    public static WorkflowRunResponse From(WorkflowRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new WorkflowRunResponse
        {
            Id = run.InstanceId,
            DefinitionId = run.DefinitionId,
            DefinitionVersion = run.DefinitionVersion,
            Status = run.Status,
            SubStatus = run.SubStatus,
            CorrelationId = run.CorrelationId,
            Bookmarks = run.Bookmarks,
            Incidents = run.Incidents,
            Output = run.Output,
            Replayed = run.Replayed,
        };
    }
}
