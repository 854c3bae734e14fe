using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;

namespace EscalationFlows.Server.Live;

/// <summary>
/// Who may hear about a task change, by the inbox's visibility rules (docs/roles.md): its assignee and who completed
/// it, members of its candidate team, holders of its candidate role, and whoever the change took it away from. Roles
/// that read every task hear about every task.
/// </summary>
public sealed record LiveTaskAudience(IReadOnlyList<string> UserIds, IReadOnlyList<string> TeamKeys, IReadOnlyList<string> Roles)
{
    public static LiveTaskAudience Of(HumanTaskRow row, string? previousAssigneeId = null, string? previousTeamKey = null, string? previousRole = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new LiveTaskAudience(
            Present(row.AssigneeId, row.CompletedBy, previousAssigneeId),
            Present(row.CandidateTeamKey, previousTeamKey),
            Present(row.CandidateRole, previousRole));
    }

    public static LiveTaskAudience Of(HumanTaskChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Of(change.Task, change.PreviousAssigneeId, change.PreviousCandidateTeamKey, change.PreviousCandidateRole);
    }

    private static string[] Present(params string?[] values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal)];
}
