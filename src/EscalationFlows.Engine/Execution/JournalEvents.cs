namespace EscalationFlows.Engine.Execution;

public static class JournalEvents
{
    public const string WorkflowStarted = "WorkflowStarted";
    public const string WorkflowSuspended = "WorkflowSuspended";
    public const string WorkflowFinished = "WorkflowFinished";
    public const string WorkflowFaulted = "WorkflowFaulted";
    public const string WorkflowCancelled = "WorkflowCancelled";
    public const string WorkflowRetried = "WorkflowRetried";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string ActivitySuspended = "ActivitySuspended";
    public const string ActivityResumed = "ActivityResumed";
    public const string ActivityFaulted = "ActivityFaulted";
    public const string ActivityRetryScheduled = "ActivityRetryScheduled";
    public const string ActivityCancelled = "ActivityCancelled";
    public const string JoinArrived = "JoinArrived";
    public const string Log = "Log";
}
