using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Runtime;

public sealed record StartWorkflowRequest
{
    public required string DefinitionId { get; init; }

    /// <summary>A specific version; the published version when null.</summary>
    public int? Version { get; init; }

    public JsonObject? Input { get; init; }

    public string? CorrelationId { get; init; }

    /// <summary>Pre-assigned id (child workflows); a new id when null. Starting an existing id is a no-op.</summary>
    public string? InstanceId { get; init; }

    public string? IdempotencyKey { get; init; }

    public string? TriggerActivityId { get; init; }

    public JsonNode? TriggerPayload { get; init; }

    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }
}
