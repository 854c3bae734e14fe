using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Api.Instances;

/// <summary>The full state of an instance as an operator sees it.</summary>
public sealed record InstanceDetailsResponse
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    /// <summary>The definition version the instance runs on; it never changes.</summary>
    public required int DefinitionVersion { get; init; }

    public required WorkflowStatus Status { get; init; }

    public string? SubStatus { get; init; }

    public string? CorrelationId { get; init; }

    public string? ParentInstanceId { get; init; }

    public required JsonObject Input { get; init; }

    public required JsonObject Variables { get; init; }

    public JsonObject? Output { get; init; }

    public required IReadOnlyList<Bookmark> Bookmarks { get; init; }

    public required IReadOnlyList<Incident> Incidents { get; init; }

    /// <summary>Run and fault counts per activity id.</summary>
    public required IReadOnlyDictionary<string, ActivityRunSummary> Activities { get; init; }

    public required long JournalSequence { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The stored revision (optimistic concurrency token).</summary>
    public required long Revision { get; init; }

    public static InstanceDetailsResponse From(StoredInstance stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var state = stored.State;
        return new InstanceDetailsResponse
        {
            Id = state.Id,
            DefinitionId = state.DefinitionId,
            DefinitionVersion = state.DefinitionVersion,
            Status = state.Status,
            SubStatus = state.SubStatus,
            CorrelationId = state.CorrelationId,
            ParentInstanceId = state.ParentInstanceId,
            Input = state.Input,
            Variables = state.Variables,
            Output = state.Output,
            Bookmarks = state.Bookmarks,
            Incidents = state.Incidents,
            Activities = state.Activities.OrderBy(a => a.Key, StringComparer.Ordinal)
                .ToDictionary(a => a.Key, a => new ActivityRunSummary(a.Value.Runs, a.Value.Faults), StringComparer.Ordinal),
            JournalSequence = state.JournalSequence,
            CreatedAt = state.CreatedAt,
            UpdatedAt = state.UpdatedAt,
            FinishedAt = state.FinishedAt,
            Revision = stored.Revision,
        };
    }
}
