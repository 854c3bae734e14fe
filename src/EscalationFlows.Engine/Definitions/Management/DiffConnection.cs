namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>A connection identified by its source activity, source port and target activity.</summary>
public sealed record DiffConnection(string SourceActivity, string SourcePort, string TargetActivity);
