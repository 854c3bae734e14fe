using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Definitions;

/// <summary>A workflow variable; expressions read it as <c>vars.name</c> or simply <c>name</c>.</summary>
public sealed record VariableDefinition
{
    public required string Name { get; init; }

    public string? Type { get; init; }

    public JsonNode? Default { get; init; }

    public string? Description { get; init; }
}
