namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>The order of a task list; ties are broken by creation time, then id.</summary>
public enum HumanTaskSort
{
    /// <summary>Soonest due first (tasks without a due time last), then highest priority.</summary>
    Due,

    /// <summary>Highest priority first, then soonest due.</summary>
    Priority,

    /// <summary>Oldest first (first come, first served).</summary>
    Created,
}
