namespace EscalationFlows.Server.Api.Escalations;

/// <summary>Where the lifecycle stands: the trigger instance, and each running instance with the activities it waits in.</summary>
public sealed record EscalationWorkflowView(string? TriggerInstanceId, IReadOnlyList<EscalationInstanceView> Current);
