namespace EscalationFlows.Engine.Runtime;

/// <summary>A published definition that starts when the named event arrives, at the given trigger activity.</summary>
public sealed record EventTriggerRegistration(string DefinitionId, int Version, string ActivityId);
