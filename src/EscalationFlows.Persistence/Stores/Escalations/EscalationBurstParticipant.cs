using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Records.Effects;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>
/// Applies the escalation activities' effects (<see cref="EscalationEffect.Kind"/>) inside each burst's transaction, in
/// the order they were recorded, so the record never shows half a step. Human tasks of an escalation's workflows (found
/// by the instance's correlation id, or as the escalation's trigger instance) also land on its timeline: created,
/// escalated on deadline, and completed — the completer becomes the named owner of the current stage.
/// </summary>
internal sealed class EscalationBurstParticipant : IBurstCommitParticipant
{
    private readonly EscalationEffectWriter _writer;

    public EscalationBurstParticipant(EscalationEffectWriter writer)
    {
        _writer = writer;
    }

    public async Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(db);
        var result = commit.Result;
        var hasTasks = result.Effects.Any(e => e.Kind is HumanTaskEffects.Created or HumanTaskEffects.Completed or HumanTaskEffects.Escalated);
        if (!hasTasks && !result.Effects.Any(e => e.Kind == EscalationEffect.Kind))
        {
            return;
        }

        var escalationId = hasTasks ? await FindEscalationAsync(db, result.State, cancellationToken) : null;
        var effects = new List<EscalationEffect>();
        foreach (var effect in result.Effects)
        {
            if (effect.Kind == EscalationEffect.Kind)
            {
                effects.Add(EscalationEffect.FromJson(effect.Payload));
            }
            else if (escalationId is not null && await FromTaskAsync(db, effect, escalationId, result.State.UpdatedAt, cancellationToken) is { } derived)
            {
                effects.Add(derived);
            }
        }

        if (effects.Count > 0)
        {
            await _writer.WriteAsync(db, effects, result.State.Id, cancellationToken);
        }
    }

    private static async Task<string?> FindEscalationAsync(EscalationFlowsDbContext db, WorkflowState state, CancellationToken cancellationToken)
    {
        var correlation = state.CorrelationId;
        var local = db.Escalations.Local.FirstOrDefault(e => e.Id == correlation || e.TriggerInstanceId == state.Id);
        return local?.Id ?? await db.Escalations.AsNoTracking()
            .Where(e => e.Id == correlation || e.TriggerInstanceId == state.Id)
            .Select(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static async Task<EscalationEffect?> FromTaskAsync(EscalationFlowsDbContext db, BurstEffect effect, string escalationId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        switch (effect.Kind)
        {
            case HumanTaskEffects.Created:
                var spec = WorkflowJson.Deserialize<HumanTaskSpec>(effect.Payload)!;
                var who = spec.Assignee ?? (spec.CandidateTeam is not null ? $"team {spec.CandidateTeam}" : spec.CandidateRole is not null ? $"role {spec.CandidateRole}" : "someone");
                return new EscalationEffect
                {
                    EscalationId = escalationId,
                    At = at,
                    Source = $"task:{spec.TaskId}",
                    Timeline = [new TimelineNote("task-created", $"Task '{spec.Title}' waits for {who}.", new JsonObject { ["taskId"] = spec.TaskId })],
                };
            case HumanTaskEffects.Escalated:
                var taskId = JsonStrings.Get(effect.Payload["taskId"]);
                var target = JsonStrings.Get(effect.Payload["team"]) is { } team ? $"team {team}" : $"role {JsonStrings.Get(effect.Payload["role"])}";
                return new EscalationEffect
                {
                    EscalationId = escalationId,
                    At = at,
                    Source = $"task:{taskId}",
                    Timeline = [new TimelineNote("task-escalated", $"Task {await TitleAsync(db, taskId, cancellationToken)} was not done in time; it went to {target}.", new JsonObject { ["taskId"] = taskId })],
                };
            case HumanTaskEffects.Completed:
                var completion = WorkflowJson.Deserialize<HumanTaskCompletion>(effect.Payload)!;
                var title = await TitleAsync(db, completion.TaskId, cancellationToken);
                return new EscalationEffect
                {
                    EscalationId = escalationId,
                    At = at,
                    Actor = completion.CompletedBy,
                    Source = $"task:{completion.TaskId}",
                    StageOwner = new OwnerNaming { Owner = completion.CompletedBy, Reason = $"completed {title} ({completion.Outcome})" },
                    Timeline = [new TimelineNote("task-completed", $"Task {title} completed: {completion.Outcome}.",
                        new JsonObject { ["taskId"] = completion.TaskId, ["outcome"] = completion.Outcome, ["data"] = completion.Data?.DeepClone() })],
                };
            default:
                return null;
        }
    }

    private static async Task<string> TitleAsync(EscalationFlowsDbContext db, string? taskId, CancellationToken cancellationToken)
    {
        var title = taskId is null
            ? null
            : db.Tasks.Local.FirstOrDefault(t => t.Id == taskId)?.Title ?? await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => t.Title).FirstOrDefaultAsync(cancellationToken);
        return title is null ? $"'{taskId}'" : $"'{title}'";
    }
}
