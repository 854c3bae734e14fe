namespace EscalationFlows.Server.Api.Escalations;

/// <summary>A running or suspended instance of the escalation and the activities it waits in (child workflows excluded).</summary>
public sealed record EscalationInstanceView(string InstanceId, string DefinitionId, int DefinitionVersion, string Status, IReadOnlyList<EscalationWaitView> WaitingIn);
