using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Api.Instances;

/// <summary>Body of the start endpoint. Without a version the published version starts.</summary>
public sealed class StartInstanceRequest
{
    public string? DefinitionId { get; init; }

    public int? Version { get; init; }

    /// <summary>A JSON object with the workflow's declared inputs.</summary>
    public JsonNode? Input { get; init; }

    public string? CorrelationId { get; init; }
}
