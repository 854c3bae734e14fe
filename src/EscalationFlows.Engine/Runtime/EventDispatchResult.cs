namespace EscalationFlows.Engine.Runtime;

/// <summary>What an event did: the instances it resumed and the instances it started.</summary>
public sealed record EventDispatchResult(IReadOnlyList<WorkflowRunResult> Resumed, IReadOnlyList<WorkflowRunResult> Started);
