using EscalationFlows.Persistence.HumanTasks;

namespace EscalationFlows.Server.Tasks;

/// <summary>The inbox query: <c>assignee</c> (me, any or a user id), <c>team</c> (mine or a team name), status, sort and page.</summary>
public sealed record TaskListRequest
{
    public string? Assignee { get; init; }

    public string? Team { get; init; }

    /// <summary>open, completed, cancelled; null for every status.</summary>
    public string? Status { get; init; }

    public HumanTaskSort Sort { get; init; } = HumanTaskSort.Due;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 50;
}
