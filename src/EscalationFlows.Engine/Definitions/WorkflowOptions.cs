namespace EscalationFlows.Engine.Definitions;

public sealed record WorkflowOptions
{
    public IncidentStrategy? IncidentStrategy { get; init; }
}
