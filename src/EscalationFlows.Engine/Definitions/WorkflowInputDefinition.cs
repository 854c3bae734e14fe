using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Definitions;

/// <summary>A named value a caller passes when starting the workflow.</summary>
public sealed record WorkflowInputDefinition
{
    public required string Name { get; init; }

    public string? Type { get; init; }

    public bool? Required { get; init; }

    public JsonNode? Default { get; init; }

    public string? Description { get; init; }
}
