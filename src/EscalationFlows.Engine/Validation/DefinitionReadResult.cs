using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Validation;

/// <summary>The outcome of reading a definition: the definition when valid, and every error found.</summary>
public sealed record DefinitionReadResult(WorkflowDefinition? Definition, JsonNode? Document, IReadOnlyList<DefinitionError> Errors)
{
    public bool IsValid => Definition is not null && Errors.Count == 0;
}
