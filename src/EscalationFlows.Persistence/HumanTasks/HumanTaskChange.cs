using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// A committed change of a task made by <see cref="HumanTaskStore"/> (claim, release, reassign, client link): the row as
/// it is now, and who it was for before (the previous assignee, candidate team key and candidate role), so a change that
/// moved the task away from someone can still tell them.
/// </summary>
public sealed record HumanTaskChange(HumanTaskRow Task, string? PreviousAssigneeId, string? PreviousCandidateTeamKey, string? PreviousCandidateRole);
