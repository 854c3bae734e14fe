using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>An instance as loaded from a store: its state and the concurrency token it was read at.</summary>
public sealed record StoredInstance(WorkflowState State, long Revision);
