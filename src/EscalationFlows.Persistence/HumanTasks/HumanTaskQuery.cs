namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// Which tasks to list. The selection is the union of the parts that are set (assigned to, or completed by, <see cref="AssignedTo"/>;
/// unassigned tasks queued for <see cref="QueueTeamKeys"/> or <see cref="QueueRoles"/>; tasks of <see cref="TeamKey"/>;
/// or <see cref="All"/>), then narrowed by <see cref="Status"/> and, for a caller who may not see every task, by
/// <see cref="Visibility"/>.
/// </summary>
public sealed record HumanTaskQuery
{
    public string? AssignedTo { get; init; }

    public IReadOnlyList<string>? QueueTeamKeys { get; init; }

    public IReadOnlyList<string>? QueueRoles { get; init; }

    /// <summary>Tasks whose candidate team is this one (lower case), assigned or not.</summary>
    public string? TeamKey { get; init; }

    public bool All { get; init; }

    /// <summary>open, completed or cancelled; null for every status.</summary>
    public string? Status { get; init; }

    public HumanTaskVisibility? Visibility { get; init; }

    public HumanTaskSort Sort { get; init; } = HumanTaskSort.Due;
}
