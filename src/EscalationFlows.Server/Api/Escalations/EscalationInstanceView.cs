namespace EscalationFlows.Server.Api.Escalations;

/// <summary>A running, suspended or faulted instance of the escalation, the activities it waits in (child workflows excluded) and, when faulted, why.</summary>
public sealed record EscalationInstanceView(string InstanceId, string DefinitionId, int DefinitionVersion, string Status, IReadOnlyList<EscalationWaitView> WaitingIn,
    IReadOnlyList<string> Incidents);
