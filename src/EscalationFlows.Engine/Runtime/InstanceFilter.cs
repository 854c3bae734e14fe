using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>Which instances to list; a null criterion matches everything. Values compare exactly (ordinal).</summary>
public sealed record InstanceFilter
{
    public string? DefinitionId { get; init; }

    public WorkflowStatus? Status { get; init; }

    public string? CorrelationId { get; init; }
}
