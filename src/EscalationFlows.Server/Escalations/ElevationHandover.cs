using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Identity;

namespace EscalationFlows.Server.Escalations;

/// <summary>
/// Moves an escalation's open work to the team it was elevated to: every open task of its workflows that is work for
/// people (not a task for a role such as triage or a leadership approval, not a client's answer) goes to the new team,
/// unassigned, with a "reassigned" event naming the elevation. Tasks that changed meanwhile stay where they are.
/// </summary>
public sealed class ElevationHandover
{
    private readonly EscalationInstanceFinder _finder;
    private readonly HumanTaskStore _tasks;
    private readonly TeamStore _teams;
    private readonly ILogger<ElevationHandover> _logger;

    public ElevationHandover(EscalationInstanceFinder finder, HumanTaskStore tasks, TeamStore teams, ILogger<ElevationHandover> logger)
    {
        _finder = finder;
        _tasks = tasks;
        _teams = teams;
        _logger = logger;
    }

    /// <summary>The open work tasks that would move to <paramref name="team"/>, and that team (null when no such team exists).</summary>
    public async Task<(IReadOnlyList<HumanTaskRow> Tasks, TeamRow? Team)> PlanAsync(EscalationRecord record, string? team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (string.IsNullOrWhiteSpace(team))
        {
            return ([], null);
        }

        var found = await _teams.FindByNamesAsync([team], cancellationToken);
        if (!found.TryGetValue(HumanTaskKeys.Team(team)!, out var target))
        {
            return ([], null);
        }

        var instances = await _finder.FindAsync(record, cancellationToken);
        var open = await _tasks.ListOpenAsync([.. instances.Select(i => i.Id)], cancellationToken);
        var work = open.Where(t => t.CandidateRole is null && t.ClientLinkId is null
            && !string.Equals(t.CandidateTeamKey, target.NormalizedName, StringComparison.Ordinal)).ToList();
        return (work, target);
    }

    /// <summary>Reassigns the planned tasks; returns how many moved.</summary>
    public async Task<int> HandOverAsync(IReadOnlyList<HumanTaskRow> tasks, TeamRow team, string actor, DateTimeOffset at, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(team);
        var moved = 0;
        foreach (var task in tasks)
        {
            var details = new JsonObject
            {
                ["fromAssignee"] = task.AssigneeId,
                ["fromTeam"] = task.CandidateTeam,
                ["toTeam"] = team.Name,
                ["reason"] = reason,
            };
            try
            {
                await _tasks.ChangeAsync(task.Id, task.Revision, t =>
                {
                    t.AssigneeId = null;
                    t.CandidateTeam = team.Name;
                    t.CandidateTeamKey = team.NormalizedName;
                }, HumanTaskEvents.Create(task.Id, HumanTaskEventKinds.Reassigned, actor, at, details), cancellationToken);
                moved++;
            }
            catch (HumanTaskConflictException ex)
            {
                // Completed, claimed or changed since the plan: whoever acted on it keeps it.
                _logger.LogInformation("Task {TaskId} was not handed over on elevation: {Reason}", task.Id, ex.Message);
            }
        }

        return moved;
    }
}
