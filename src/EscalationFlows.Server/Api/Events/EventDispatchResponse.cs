using EscalationFlows.Server.Api.Instances;

namespace EscalationFlows.Server.Api.Events;

/// <summary>What an event did: the waiting instances it resumed and the instances its triggers started.</summary>
public sealed record EventDispatchResponse(IReadOnlyList<WorkflowRunResponse> Resumed, IReadOnlyList<WorkflowRunResponse> Started);
