namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>An activity that was added or removed.</summary>
public sealed record DiffActivity(string Id, string Type, string? Name);
