using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// Reads tasks and changes who works on them (claim, release, reassign) outside the engine's bursts. Completion and
/// creation go through the engine (<see cref="HumanTaskCommitParticipant"/>). Every change is conditional on the
/// task's revision, so two people acting on one task at once cannot both win.
/// </summary>
public sealed class HumanTaskStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly IHumanTaskChangeObserver[] _observers;

    public HumanTaskStore(IDbContextFactory<EscalationFlowsDbContext> contexts, IEnumerable<IHumanTaskChangeObserver>? observers = null)
    {
        _contexts = contexts;
        _observers = [.. observers ?? []];
    }

    public async Task<HumanTaskRow?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
    }

    /// <summary>The open tasks of these workflow instances, oldest first.</summary>
    public async Task<IReadOnlyList<HumanTaskRow>> ListOpenAsync(IReadOnlyCollection<string> instanceIds, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tasks.AsNoTracking()
            .Where(t => t.Status == HumanTaskStatuses.Open && instanceIds.Contains(t.InstanceId))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HumanTaskEventRow>> GetEventsAsync(string taskId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.TaskEvents.AsNoTracking().Where(e => e.TaskId == taskId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
    }

    public async Task<HumanTaskPage> QueryAsync(HumanTaskQuery query, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(page);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var tasks = db.Tasks.AsNoTracking();

        var all = query.All;
        var assigned = query.AssignedTo;
        var useAssigned = assigned is not null;
        var queueTeams = query.QueueTeamKeys ?? [];
        var queueRoles = query.QueueRoles ?? [];
        var useQueue = query.QueueTeamKeys is not null || query.QueueRoles is not null;
        var team = query.TeamKey;
        var useTeam = team is not null;
        tasks = tasks.Where(t => all
            || (useAssigned && (t.AssigneeId == assigned || t.CompletedBy == assigned))
            || (useQueue && t.AssigneeId == null && ((t.CandidateTeamKey != null && queueTeams.Contains(t.CandidateTeamKey)) || (t.CandidateRole != null && queueRoles.Contains(t.CandidateRole))))
            || (useTeam && t.CandidateTeamKey == team));

        if (query.Status is { } status)
        {
            tasks = tasks.Where(t => t.Status == status);
        }

        if (query.Visibility is { } visible)
        {
            var me = visible.UserId;
            var myTeams = visible.TeamKeys;
            var myRoles = visible.Roles;
            tasks = tasks.Where(t => t.AssigneeId == me || t.CompletedBy == me
                || (t.CandidateTeamKey != null && myTeams.Contains(t.CandidateTeamKey))
                || (t.CandidateRole != null && myRoles.Contains(t.CandidateRole)));
        }

        var total = await tasks.LongCountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            HumanTaskSort.Priority => tasks.OrderByDescending(t => t.Priority).ThenBy(t => t.DueAt == null).ThenBy(t => t.DueAt),
            HumanTaskSort.Created => tasks.OrderBy(t => t.CreatedAt),
            _ => tasks.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenByDescending(t => t.Priority),
        };
        var items = await ordered.ThenBy(t => t.CreatedAt).ThenBy(t => t.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new HumanTaskPage(items, page.Page, page.PageSize, total);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the task and records <paramref name="taskEvent"/>, if the task is still open
    /// and at <paramref name="expectedRevision"/>; else throws <see cref="HumanTaskConflictException"/> and writes nothing.
    /// </summary>
    public async Task<HumanTaskRow> ChangeAsync(string taskId, long expectedRevision, Action<HumanTaskRow> change, HumanTaskEventRow taskEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(taskEvent);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"There is no task '{taskId}'.");
        if (row.Status != HumanTaskStatuses.Open)
        {
            throw new HumanTaskConflictException(HumanTaskConflictException.NotOpen, $"Task '{taskId}' is {row.Status}; only an open task can be changed.");
        }

        if (row.Revision != expectedRevision)
        {
            throw new HumanTaskConflictException(HumanTaskConflictException.Changed, $"Task '{taskId}' changed meanwhile; load it again.");
        }

        var before = new HumanTaskChange(row, row.AssigneeId, row.CandidateTeamKey, row.CandidateRole);
        change(row);
        row.UpdatedAt = taskEvent.At;
        row.Revision++;
        db.TaskEvents.Add(taskEvent);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new HumanTaskConflictException($"Task '{taskId}' changed meanwhile; load it again.", ex);
        }

        Notify(before);
        return row;
    }

    /// <summary>
    /// Stores a new client link for an open task in one transaction: earlier unused links of the task are revoked, the
    /// task points at the new one, and a <c>client-link-issued</c> event is recorded.
    /// </summary>
    public async Task<HumanTaskRow> IssueClientLinkAsync(string taskId, ClientLinkRow link, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.Tasks.FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken)
            ?? throw new WorkflowNotFoundException($"There is no task '{taskId}'.");
        if (row.Status != HumanTaskStatuses.Open)
        {
            throw new HumanTaskConflictException(HumanTaskConflictException.NotOpen, $"Task '{taskId}' is {row.Status}; a link can only be issued for an open task.");
        }

        var now = link.CreatedAt;
        await db.ClientLinks.Where(l => l.Purpose == link.Purpose && l.SubjectId == taskId && l.UsedAt == null && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now).SetProperty(l => l.RevokedBy, actor), cancellationToken);
        db.ClientLinks.Add(link);
        row.ClientLinkId = link.Id;
        row.UpdatedAt = now;
        row.Revision++;
        db.TaskEvents.Add(HumanTaskEvents.Create(taskId, HumanTaskEventKinds.ClientLinkIssued, actor, now,
            new System.Text.Json.Nodes.JsonObject { ["clientLinkId"] = link.Id, ["expiresAt"] = link.ExpiresAt }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new HumanTaskConflictException($"Task '{taskId}' changed meanwhile; try again.", ex);
        }

        Notify(new HumanTaskChange(row, row.AssigneeId, row.CandidateTeamKey, row.CandidateRole));
        return row;
    }

    private void Notify(HumanTaskChange change)
    {
        foreach (var observer in _observers)
        {
            observer.OnTaskChanged(change);
        }
    }
}
