using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Diagnostics;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores;

/// <summary>
/// The durable <see cref="IWorkflowStore"/> on EF Core (SQLite or PostgreSQL), with the semantics of
/// <see cref="InMemoryWorkflowStore"/>.
/// <para>
/// <see cref="CommitAsync"/> writes a whole burst in ONE database transaction with ONE <c>SaveChanges</c>. For an
/// existing instance it first runs <c>UPDATE wf_instances … WHERE id = @id AND revision = @expected</c>: zero rows
/// means another writer won, and the burst fails with <see cref="ConcurrencyConflictException"/> before anything else
/// is written. On PostgreSQL that conditional UPDATE also takes the instance's row lock, so a concurrent commit of the
/// same instance waits for this transaction and then finds the revision moved (no deadlock: every burst locks its
/// instance row first). On SQLite the transaction starts with <c>BEGIN IMMEDIATE</c>, so writers are serialised anyway.
/// </para>
/// </summary>
public sealed class EfWorkflowStore : IWorkflowStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;
    private readonly IBurstCommitParticipant[] _participants;
    private readonly StoreDiagnostics _diagnostics;
    private readonly TimeProvider _clock;

    internal EfWorkflowStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect, IEnumerable<IBurstCommitParticipant> participants,
        StoreDiagnostics diagnostics, TimeProvider clock)
    {
        _contexts = contexts;
        _dialect = dialect;
        _participants = [.. participants];
        _diagnostics = diagnostics;
        _clock = clock;
    }

    public async Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Instances.AsNoTracking()
            .Where(i => i.Id == instanceId)
            .Select(i => new { i.State, i.Revision })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new StoredInstance(WorkflowJson.Deserialize<WorkflowState>(row.State)!, row.Revision);
    }

    public async Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Bookmarks.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookmarkId, cancellationToken);
        return row is null ? null : new StoredBookmark(RowMapping.ToBookmark(row), row.State);
    }

    public async Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Bookmarks.AsNoTracking().Where(b => b.State == BookmarkState.Active && b.Kind == kind && b.StimulusHash == stimulusHash);
        query = correlationId is null
            ? query.Where(b => b.CorrelationId == null)
            : query.Where(b => b.CorrelationId == null || b.CorrelationId == correlationId);
        var rows = await query.OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(RowMapping.ToBookmark)];
    }

    public async Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var result = commit.Result;
        var state = result.State;
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // No savepoint around SaveChanges (two more round trips): a failed burst abandons the whole transaction.
            db.Database.AutoSavepointsEnabled = false;
            await WriteInstanceAsync(db, commit, cancellationToken);
            var now = _clock.GetUtcNow();

            foreach (var removed in result.RemovedBookmarks)
            {
                var row = RowMapping.ToRow(removed);
                db.Bookmarks.Attach(row);
                row.State = string.Equals(removed.Id, result.ConsumedBookmarkId, StringComparison.Ordinal) ? BookmarkState.Consumed : BookmarkState.Cancelled;
                row.ClosedAt = now;
            }

            var finishedTimers = result.RemovedBookmarks.Where(b => b.DueAt is not null).Select(b => b.Id).ToList();
            if (commit.CompletedTimerId is { } completed)
            {
                finishedTimers.Add(completed);
            }

            if (finishedTimers.Count > 0)
            {
                await db.Timers.Where(t => finishedTimers.Contains(t.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var added in result.AddedBookmarks)
            {
                db.Bookmarks.Add(RowMapping.ToRow(added));
                if (added.DueAt is { } due)
                {
                    db.Timers.Add(new TimerRow { Id = added.Id, Kind = TimerKinds.Bookmark, InstanceId = state.Id, BookmarkId = added.Id, DueAt = due });
                }
            }

            db.Journal.AddRange(result.Journal.Select(entry => RowMapping.ToRow(state.Id, entry)));
            await WriteIncidentsAsync(db, state, commit.ExpectedRevision is null, cancellationToken);
            db.Outbox.AddRange(result.Outbox.Select(RowMapping.ToRow));
            if (commit.Idempotency is { } idempotency)
            {
                db.IdempotencyKeys.Add(new IdempotencyKeyRow
                {
                    Scope = idempotency.Scope,
                    Key = idempotency.Key,
                    Result = WorkflowJson.Serialize(idempotency.Result),
                    CreatedAt = idempotency.CreatedAt,
                });
            }

            foreach (var participant in _participants)
            {
                await participant.OnCommitAsync(commit, db, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ConcurrencyConflictException($"Instance '{state.Id}' was changed by another writer.", ex);
        }
        catch (Exception ex) when (_dialect.IsConflict(ex))
        {
            throw new ConcurrencyConflictException(
                $"Instance '{state.Id}' could not be committed: another writer created it, wrote the same journal step or used idempotency key '{commit.Idempotency?.Key}' first.",
                ex);
        }

        _diagnostics.RecordCommit();
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Scope == scope && k.Key == key, cancellationToken);
        return row is null ? null : new IdempotencyRecord(row.Scope, row.Key, RowMapping.Node(row.Result)!, row.CreatedAt);
    }

    public async Task ScheduleTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        await _dialect.UpsertTimerAsync(db,
            new TimerRow { Id = timer.Id, Kind = timer.Kind, InstanceId = timer.InstanceId, DueAt = timer.DueAt, Payload = RowMapping.Json(timer.Payload) },
            cancellationToken);
    }

    public Task CancelTimerAsync(string timerId, CancellationToken cancellationToken) => DeleteTimerAsync(timerId, cancellationToken);

    public async Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        var rows = await _dialect.ClaimTimersAsync(db, now, max, owner, lease, cancellationToken);
        return [.. rows.OrderBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(RowMapping.ToDueTimer)];
    }

    public async Task CompleteTimerAsync(string timerId, CancellationToken cancellationToken)
    {
        // Only while claimed: a timer moved by ScheduleTimerAsync after the claim (lease reset) keeps its new due time.
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Timers.Where(t => t.Id == timerId && t.LeaseUntil != null).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Timers.OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string>? kinds,
        CancellationToken cancellationToken)
    {
        if (max <= 0 || kinds is { Count: 0 })
        {
            return [];
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        var rows = await _dialect.ClaimOutboxAsync(db, now, max, owner, lease, kinds, cancellationToken);
        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Select(RowMapping.ToMessage)];
    }

    public async Task<bool> TryClaimOutboxMessageAsync(string messageId, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        var until = now + lease;
        var claimed = await db.Outbox
            .Where(o => o.Id == messageId && o.DeliveredAt == null && (o.LeaseUntil == null || o.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.LeaseOwner, owner)
                .SetProperty(o => o.LeaseUntil, until)
                .SetProperty(o => o.Attempts, o => o.Attempts + 1),
                cancellationToken);
        return claimed == 1;
    }

    public async Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        await db.Outbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.DeliveredAt, at)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null),
                cancellationToken);
    }

    public async Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        await db.Outbox.Where(o => o.Id == messageId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.NextAttemptAt, retryAt)
                .SetProperty(o => o.LeaseOwner, (string?)null)
                .SetProperty(o => o.LeaseUntil, (DateTimeOffset?)null)
                .SetProperty(o => o.LastError, error),
                cancellationToken);
    }

    public async Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Journal.AsNoTracking()
            .Where(j => j.InstanceId == instanceId && j.Sequence > afterSequence)
            .OrderBy(j => j.Sequence)
            .Take(max)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(RowMapping.ToEntry)];
    }

    private static async Task WriteInstanceAsync(EscalationFlowsDbContext db, BurstCommit commit, CancellationToken cancellationToken)
    {
        var state = commit.Result.State;
        var json = WorkflowJson.Serialize(state);
        if (commit.ExpectedRevision is not { } expected)
        {
            db.Instances.Add(RowMapping.ToRow(state, json, revision: 1));
            return;
        }

        // The conditional UPDATE is the optimistic check and, on PostgreSQL, the instance's row lock for the rest of
        // the transaction. It runs first so a losing writer stops before it writes anything else.
        var next = expected + 1;
        var incidents = RowMapping.UnresolvedIncidents(state);
        var updated = await db.Instances
            .Where(i => i.Id == state.Id && i.Revision == expected)
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.State, json)
                .SetProperty(i => i.Revision, next)
                .SetProperty(i => i.Status, state.Status)
                .SetProperty(i => i.SubStatus, state.SubStatus)
                .SetProperty(i => i.CorrelationId, state.CorrelationId)
                .SetProperty(i => i.UpdatedAt, state.UpdatedAt)
                .SetProperty(i => i.FinishedAt, state.FinishedAt)
                .SetProperty(i => i.IncidentCount, incidents),
                cancellationToken);
        if (updated != 1)
        {
            throw new ConcurrencyConflictException($"Instance '{state.Id}' was changed by another writer (expected revision {expected}).");
        }
    }

    private static async Task WriteIncidentsAsync(EscalationFlowsDbContext db, WorkflowState state, bool isNew, CancellationToken cancellationToken)
    {
        if (state.Incidents.Count == 0)
        {
            return;
        }

        var existing = isNew
            ? new Dictionary<string, IncidentRow>(StringComparer.Ordinal)
            : await db.Incidents.Where(i => i.InstanceId == state.Id).ToDictionaryAsync(i => i.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var incident in state.Incidents)
        {
            if (existing.TryGetValue(incident.Id, out var row))
            {
                RowMapping.Update(row, incident);
            }
            else
            {
                db.Incidents.Add(RowMapping.ToRow(state.Id, incident));
            }
        }
    }

    private async Task DeleteTimerAsync(string timerId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        using var turn = await _dialect.EnterWriteAsync(cancellationToken);
        await db.Timers.Where(t => t.Id == timerId).ExecuteDeleteAsync(cancellationToken);
    }
}
