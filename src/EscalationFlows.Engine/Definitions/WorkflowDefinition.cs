using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>One version of a workflow: the document a process owner edits and an admin publishes.</summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public required string DefinitionId { get; init; }

    public int Version { get; init; } = 1;

    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<WorkflowInputDefinition>? Inputs { get; init; }

    public IReadOnlyList<WorkflowOutputDefinition>? Outputs { get; init; }

    public IReadOnlyList<VariableDefinition>? Variables { get; init; }

    public WorkflowOptions? Options { get; init; }

    public required FlowchartDefinition Root { get; init; }

    [JsonIgnore]
    public IncidentStrategy IncidentStrategy => Options?.IncidentStrategy ?? IncidentStrategy.Fault;
}
