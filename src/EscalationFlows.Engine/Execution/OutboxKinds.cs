namespace EscalationFlows.Engine.Execution;

/// <summary>Outbox message kinds the runtime itself delivers.</summary>
public static class OutboxKinds
{
    public const string StartChild = "workflow.start-child";
    public const string ResumeParent = "workflow.resume-parent";
    public const string CancelChild = "workflow.cancel-child";
}
