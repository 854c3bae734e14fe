using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Stores;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// Keeps <c>ht_tasks</c> in step with the <c>HumanTask</c> bookmarks, inside each burst's transaction:
/// <list type="bullet">
/// <item>an added HumanTask bookmark gets its task row (from the activity's <see cref="HumanTaskEffects.Created"/> effect; the assignee, a user id or email, is resolved to a user id) and a client-link row when the task is for the client;</item>
/// <item>an <see cref="HumanTaskEffects.Escalated"/> effect reassigns the open task to its escalation team or role and unassigns it;</item>
/// <item>the consumed HumanTask bookmark completes its task (outcome, data and who, from the <see cref="HumanTaskEffects.Completed"/> effect, or from the parked resume input when the instance is faulted), refusing a task that is no longer open or changed since the completion was authorized, and using up the client link that answered it;</item>
/// <item>any other removed HumanTask bookmark (instance cancelled, WaitAny lost, workflow ended) cancels its task.</item>
/// </list>
/// So an open task row exists exactly while its bookmark is active. Each change adds a task event. Throwing
/// <see cref="HumanTaskConflictException"/> rolls the whole burst back.
/// </summary>
public sealed class HumanTaskCommitParticipant : IBurstCommitParticipant
{
    public async Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(db);
        var result = commit.Result;
        var now = result.State.UpdatedAt;
        var added = result.AddedBookmarks.Where(b => b.Kind == BookmarkKinds.HumanTask).ToList();
        var removed = result.RemovedBookmarks.Where(b => b.Kind == BookmarkKinds.HumanTask).ToList();
        var escalations = result.Effects.Where(e => e.Kind == HumanTaskEffects.Escalated).ToList();
        if (added.Count == 0 && removed.Count == 0 && escalations.Count == 0)
        {
            return;
        }

        var specs = result.Effects.Where(e => e.Kind == HumanTaskEffects.Created)
            .Select(e => WorkflowJson.Deserialize<HumanTaskSpec>(e.Payload)!)
            .ToDictionary(s => s.TaskId, StringComparer.Ordinal);
        foreach (var bookmark in added)
        {
            await CreateAsync(db, specs.GetValueOrDefault(bookmark.Id) ?? Minimal(bookmark, result.State), now, cancellationToken);
        }

        foreach (var effect in escalations)
        {
            await EscalateAsync(db, effect.Payload, now, cancellationToken);
        }

        foreach (var bookmark in removed)
        {
            if (string.Equals(bookmark.Id, result.ConsumedBookmarkId, StringComparison.Ordinal))
            {
                await CompleteAsync(db, bookmark.Id, FindCompletion(result, bookmark.Id), now, cancellationToken);
            }
            else
            {
                await CancelAsync(db, bookmark.Id, now, cancellationToken);
            }
        }
    }

    private static async Task CreateAsync(EscalationFlowsDbContext db, HumanTaskSpec spec, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var assigneeId = spec.Assignee is { } assignee ? await ResolveUserAsync(db, assignee, cancellationToken) : null;
        db.Tasks.Add(new HumanTaskRow
        {
            Id = spec.TaskId,
            InstanceId = spec.InstanceId,
            ActivityId = spec.ActivityId,
            ActivityName = spec.ActivityName,
            DefinitionId = spec.DefinitionId,
            DefinitionVersion = spec.DefinitionVersion,
            CorrelationId = spec.CorrelationId,
            Title = spec.Title,
            Description = spec.Description,
            Status = HumanTaskStatuses.Open,
            AssigneeId = assigneeId,
            CandidateTeam = spec.CandidateTeam,
            CandidateTeamKey = HumanTaskKeys.Team(spec.CandidateTeam),
            CandidateRole = spec.CandidateRole,
            Form = spec.Form is null ? null : WorkflowJson.Serialize(spec.Form),
            Outcomes = WorkflowJson.Serialize(spec.Outcomes),
            Context = spec.Context is null ? null : WorkflowJson.Serialize(spec.Context),
            Priority = spec.Priority,
            DueAt = spec.DueAt,
            EscalateAt = spec.EscalateAt,
            EscalateTo = spec.EscalateTo is null ? null : WorkflowJson.Serialize(spec.EscalateTo),
            ClientLinkId = spec.ClientLink?.Id,
            CreatedAt = now,
            UpdatedAt = now,
            Revision = 1,
        });

        var details = new JsonObject
        {
            ["instanceId"] = spec.InstanceId,
            ["assignee"] = assigneeId,
            ["candidateTeam"] = spec.CandidateTeam,
            ["candidateRole"] = spec.CandidateRole,
        };
        if (spec.Assignee is not null && assigneeId is null)
        {
            details["note"] = $"'{spec.Assignee}' is not a user; the task waits in its queue.";
        }

        db.TaskEvents.Add(HumanTaskEvents.Create(spec.TaskId, HumanTaskEventKinds.Created, HumanTaskEventKinds.System, now, details));
        if (spec.ClientLink is { } link)
        {
            db.ClientLinks.Add(new ClientLinkRow
            {
                Id = link.Id,
                Purpose = link.Purpose,
                SubjectId = link.SubjectId,
                ExpiresAt = link.ExpiresAt,
                CreatedAt = now,
                CreatedBy = HumanTaskEventKinds.System,
            });
            db.TaskEvents.Add(HumanTaskEvents.Create(spec.TaskId, HumanTaskEventKinds.ClientLinkIssued, HumanTaskEventKinds.System, now,
                new JsonObject { ["clientLinkId"] = link.Id, ["expiresAt"] = link.ExpiresAt }));
        }
    }

    private static async Task EscalateAsync(EscalationFlowsDbContext db, JsonNode payload, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var taskId = payload["taskId"]?.GetValue<string>();
        var row = taskId is null ? null : await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (row is null || row.Status != HumanTaskStatuses.Open)
        {
            return;
        }

        var team = payload["team"]?.GetValue<string>();
        var role = payload["role"]?.GetValue<string>();
        var details = new JsonObject
        {
            ["fromAssignee"] = row.AssigneeId,
            ["fromTeam"] = row.CandidateTeam,
            ["fromRole"] = row.CandidateRole,
            ["toTeam"] = team,
            ["toRole"] = role,
        };
        row.AssigneeId = null;
        row.CandidateTeam = team;
        row.CandidateTeamKey = HumanTaskKeys.Team(team);
        row.CandidateRole = role;
        row.EscalatedAt = now;
        row.UpdatedAt = now;
        row.Revision++;
        db.TaskEvents.Add(HumanTaskEvents.Create(row.Id, HumanTaskEventKinds.EscalatedOnDeadline, HumanTaskEventKinds.System, now, details));
    }

    private static async Task CompleteAsync(EscalationFlowsDbContext db, string taskId, HumanTaskCompletion? completion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (row is null)
        {
            return;
        }

        if (row.Status != HumanTaskStatuses.Open)
        {
            throw new HumanTaskConflictException(HumanTaskConflictException.NotOpen, $"Task '{taskId}' is already {row.Status}.");
        }

        if (completion?.ExpectedRevision is { } expected && expected != row.Revision)
        {
            throw new HumanTaskConflictException(HumanTaskConflictException.Changed, $"Task '{taskId}' was claimed, released or reassigned meanwhile; load it again.");
        }

        if (completion?.ClientLinkId is { } linkId)
        {
            var used = await db.ClientLinks
                .Where(l => l.Id == linkId && l.SubjectId == taskId && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
            if (used != 1)
            {
                throw new HumanTaskConflictException(HumanTaskConflictException.LinkUnusable, "The link was already used, revoked or has expired.");
            }
        }

        row.Status = HumanTaskStatuses.Completed;
        row.Outcome = completion?.Outcome;
        row.Data = completion?.Data is null ? null : WorkflowJson.Serialize(completion.Data);
        row.CompletedBy = completion?.CompletedBy;
        row.CompletedAt = now;
        row.UpdatedAt = now;
        row.Revision++;
        db.TaskEvents.Add(HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Completed, completion?.CompletedBy ?? HumanTaskEventKinds.System, now,
            new JsonObject { ["outcome"] = completion?.Outcome, ["clientLinkId"] = completion?.ClientLinkId }));
    }

    private static async Task CancelAsync(EscalationFlowsDbContext db, string taskId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (row is null || row.Status != HumanTaskStatuses.Open)
        {
            return;
        }

        row.Status = HumanTaskStatuses.Cancelled;
        row.UpdatedAt = now;
        row.Revision++;
        db.TaskEvents.Add(HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Cancelled, HumanTaskEventKinds.System, now,
            new JsonObject { ["reason"] = "The workflow no longer waits for this task (cancelled, ended, or another branch finished first)." }));
    }

    /// <summary>The completion that consumed the bookmark: the activity's effect, or, on a faulted instance, the parked resume input.</summary>
    private static HumanTaskCompletion? FindCompletion(BurstResult result, string taskId)
    {
        var effect = result.Effects.FirstOrDefault(e => e.Kind == HumanTaskEffects.Completed && e.Payload["taskId"]?.GetValue<string>() == taskId);
        if (effect is not null)
        {
            return WorkflowJson.Deserialize<HumanTaskCompletion>(effect.Payload);
        }

        var state = result.State;
        var parked = state.Queue.Append(state.FaultedWork)
            .Concat(state.Bookmarks.Where(b => b.Kind == BookmarkKinds.Retry).Select(b => WorkflowJson.Deserialize<WorkItem>(b.Payload)))
            .FirstOrDefault(w => w?.ResumeBookmark?.Id == taskId);
        return parked?.ResumeInput is JsonObject input ? WorkflowJson.Deserialize<HumanTaskCompletion>(input) : null;
    }

    private static HumanTaskSpec Minimal(Bookmark bookmark, WorkflowState state) => new()
    {
        TaskId = bookmark.Id,
        Title = bookmark.ActivityId,
        Outcomes = bookmark.Payload?["outcomes"] is JsonArray outcomes ? [.. outcomes.Select(o => o!.GetValue<string>())] : [Ports.Done],
        InstanceId = state.Id,
        ActivityId = bookmark.ActivityId,
        ActivityName = bookmark.ActivityId,
        DefinitionId = state.DefinitionId,
        DefinitionVersion = state.DefinitionVersion,
        CorrelationId = bookmark.CorrelationId,
        CreatedAt = bookmark.CreatedAt,
    };

    private static async Task<string?> ResolveUserAsync(EscalationFlowsDbContext db, string assignee, CancellationToken cancellationToken)
    {
        var email = HumanTaskKeys.Email(assignee);
        return await db.Users.Where(u => !u.Disabled && (u.Id == assignee || u.NormalizedEmail == email)).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
