namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>Where a task goes when its deadline passes: a team, a role, or both.</summary>
public sealed record HumanTaskEscalationTarget
{
    public string? Team { get; init; }

    public string? Role { get; init; }
}
