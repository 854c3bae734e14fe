namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>
/// The effects a <see cref="HumanTaskActivity"/> records (see <c>ActivityExecutionContext.RecordEffect</c>); a store
/// applies them in the burst's transaction. The task id is the id of the task's <c>HumanTask</c> bookmark, so a task
/// row exists exactly while its bookmark is active; completion and cancellation follow the bookmark's lifecycle.
/// </summary>
public static class HumanTaskEffects
{
    /// <summary>A task was created: the payload is a <see cref="HumanTaskSpec"/>.</summary>
    public const string Created = "HumanTask.Created";

    /// <summary>The deadline passed: <c>{ taskId, team?, role?, at }</c>; the task is reassigned to the team or role and unassigned.</summary>
    public const string Escalated = "HumanTask.Escalated";

    /// <summary>The task was completed: <c>{ taskId, outcome, data, completedBy, clientLinkId?, expectedRevision? }</c>.</summary>
    public const string Completed = "HumanTask.Completed";
}
