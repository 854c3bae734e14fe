namespace EscalationFlows.Engine.Definitions;

/// <summary>The root of a workflow: activities joined by connections from outcome ports.</summary>
public sealed record FlowchartDefinition
{
    public string Type { get; init; } = "Flowchart";

    public IReadOnlyList<ActivityNode> Activities { get; init; } = [];

    public IReadOnlyList<Connection> Connections { get; init; } = [];
}
