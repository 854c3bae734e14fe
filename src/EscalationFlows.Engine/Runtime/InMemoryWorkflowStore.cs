using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// A store in process memory with the same semantics as the database stores (atomic commits, revisions,
/// leases). State is kept as JSON, so every commit also proves the state round-trips. For tests and tools.
/// </summary>
public sealed class InMemoryWorkflowStore : IWorkflowStore, IWorkflowInstanceQuery
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Json, long Revision)> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBookmark> _bookmarks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimerRow> _timers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OutboxRow> _outbox = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JournalEntry>> _journal = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), IdempotencyRecord> _idempotency = new();

    /// <summary>How many commits succeeded (for tests that count writes per operation).</summary>
    public int CommitCount { get; private set; }

    public IReadOnlyList<OutboxMessage> DeliveredOutbox
    {
        get
        {
            lock (_gate)
            {
                return [.. _outbox.Values.Where(o => o.DeliveredAt is not null).Select(o => o.Message)];
            }
        }
    }

    public Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_instances.TryGetValue(instanceId, out var row)
                ? new StoredInstance(WorkflowJson.Deserialize<WorkflowState>(row.Json)!, row.Revision)
                : null);
        }
    }

    public Task<InstancePage> ListAsync(InstanceFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        lock (_gate)
        {
            var matches = _instances
                .Select(row => InstanceSummary.From(WorkflowJson.Deserialize<WorkflowState>(row.Value.Json)!))
                .Where(x => (filter.DefinitionId is null || string.Equals(x.DefinitionId, filter.DefinitionId, StringComparison.Ordinal))
                    && (filter.Status is null || x.Status == filter.Status)
                    && (filter.CorrelationId is null || string.Equals(x.CorrelationId, filter.CorrelationId, StringComparison.Ordinal)))
                .OrderByDescending(x => x.CreatedAt)
                .ThenByDescending(x => x.Id, StringComparer.Ordinal)
                .ToList();
            IReadOnlyList<InstanceSummary> items = [.. matches.Skip(page.Skip).Take(page.PageSize)];
            return Task.FromResult(new InstancePage(items, page.Page, page.PageSize, matches.Count));
        }
    }

    public Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_bookmarks.GetValueOrDefault(bookmarkId));
        }
    }

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<Bookmark> found = [.. _bookmarks.Values
                .Where(b => b.State == BookmarkState.Active && b.Bookmark.Kind == kind && b.Bookmark.StimulusHash == stimulusHash
                    && (b.Bookmark.CorrelationId is null || b.Bookmark.CorrelationId == correlationId))
                .Select(b => b.Bookmark)];
            return Task.FromResult(found);
        }
    }

    public Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        var state = commit.Result.State;
        lock (_gate)
        {
            var exists = _instances.TryGetValue(state.Id, out var current);
            if (commit.ExpectedRevision is null ? exists : !exists || current.Revision != commit.ExpectedRevision)
            {
                throw new ConcurrencyConflictException($"Instance '{state.Id}' was changed by another writer.");
            }

            if (commit.Idempotency is { } idem && _idempotency.ContainsKey((idem.Scope, idem.Key)))
            {
                throw new ConcurrencyConflictException($"Idempotency key '{idem.Key}' was already used.");
            }

            _instances[state.Id] = (WorkflowJson.Serialize(state), (commit.ExpectedRevision ?? 0) + 1);
            foreach (var removed in commit.Result.RemovedBookmarks)
            {
                var consumed = string.Equals(removed.Id, commit.Result.ConsumedBookmarkId, StringComparison.Ordinal);
                _bookmarks[removed.Id] = new StoredBookmark(removed, consumed ? BookmarkState.Consumed : BookmarkState.Cancelled);
                _timers.Remove(removed.Id);
            }

            foreach (var added in commit.Result.AddedBookmarks)
            {
                _bookmarks[added.Id] = new StoredBookmark(added, BookmarkState.Active);
                if (added.DueAt is { } due)
                {
                    _timers[added.Id] = new TimerRow(new DueTimer(added.Id, TimerKinds.Bookmark, state.Id, added.Id, due, null, 0));
                }
            }

            if (commit.CompletedTimerId is { } timerId)
            {
                _timers.Remove(timerId);
            }

            foreach (var message in commit.Result.Outbox)
            {
                _outbox[message.Id] = new OutboxRow(message);
            }

            if (!_journal.TryGetValue(state.Id, out var journal))
            {
                journal = [];
                _journal[state.Id] = journal;
            }

            journal.AddRange(commit.Result.Journal);
            if (commit.Idempotency is { } record)
            {
                _idempotency[(record.Scope, record.Key)] = record;
            }

            CommitCount++;
        }

        return Task.CompletedTask;
    }

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_idempotency.GetValueOrDefault((scope, key)));
        }
    }

    public Task ScheduleTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _timers[timer.Id] = new TimerRow(new DueTimer(timer.Id, timer.Kind, timer.InstanceId, null, timer.DueAt, timer.Payload?.DeepClone(), 0));
        }

        return Task.CompletedTask;
    }

    public Task CancelTimerAsync(string timerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _timers.Remove(timerId);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var due = _timers.Values
                .Where(t => t.Timer.DueAt <= now && (t.LeaseUntil is null || t.LeaseUntil < now))
                .OrderBy(t => t.Timer.DueAt)
                .Take(max)
                .ToList();
            foreach (var row in due)
            {
                row.LeaseUntil = now + lease;
                row.Timer = row.Timer with { Attempts = row.Timer.Attempts + 1 };
            }

            IReadOnlyList<DueTimer> claimed = [.. due.Select(r => r.Timer)];
            return Task.FromResult(claimed);
        }
    }

    public Task CompleteTimerAsync(string timerId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // A timer rescheduled after its claim has no lease any more: the newer schedule stays.
            if (_timers.TryGetValue(timerId, out var row) && row.LeaseUntil is not null)
            {
                _timers.Remove(timerId);
            }
        }

        return Task.CompletedTask;
    }

    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_timers.Count == 0 ? (DateTimeOffset?)null : _timers.Values.Min(t => t.Timer.DueAt));
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string>? kinds,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var ready = _outbox.Values
                .Where(o => o.DeliveredAt is null && (o.LeaseUntil is null || o.LeaseUntil < now) && o.NextAttemptAt <= now
                    && (kinds is null || kinds.Contains(o.Message.Kind)))
                .OrderBy(o => o.Message.CreatedAt)
                .Take(max)
                .ToList();
            foreach (var row in ready)
            {
                row.LeaseUntil = now + lease;
                row.Attempts++;
            }

            IReadOnlyList<OutboxMessage> claimed = [.. ready.Select(r => r.Message with { Attempts = r.Attempts })];
            return Task.FromResult(claimed);
        }
    }

    public Task<bool> TryClaimOutboxMessageAsync(string messageId, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_outbox.TryGetValue(messageId, out var row) || row.DeliveredAt is not null || (row.LeaseUntil is not null && row.LeaseUntil >= now))
            {
                return Task.FromResult(false);
            }

            row.LeaseUntil = now + lease;
            row.Attempts++;
            return Task.FromResult(true);
        }
    }

    public Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(messageId, out var row))
            {
                row.DeliveredAt = at;
                row.LeaseUntil = null;
            }
        }

        return Task.CompletedTask;
    }

    public Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(messageId, out var row))
            {
                row.NextAttemptAt = retryAt;
                row.LeaseUntil = null;
                row.LastError = error;
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<JournalEntry> entries = _journal.TryGetValue(instanceId, out var journal)
                ? [.. journal.Where(j => j.Sequence > afterSequence).Take(max)]
                : [];
            return Task.FromResult(entries);
        }
    }

    private sealed class TimerRow(DueTimer timer)
    {
        public DueTimer Timer { get; set; } = timer;

        public DateTimeOffset? LeaseUntil { get; set; }
    }

    private sealed class OutboxRow(OutboxMessage message)
    {
        public OutboxMessage Message { get; } = message;

        public DateTimeOffset? LeaseUntil { get; set; }

        public DateTimeOffset NextAttemptAt { get; set; } = message.CreatedAt;

        public DateTimeOffset? DeliveredAt { get; set; }

        public int Attempts { get; set; }

        public string? LastError { get; set; }
    }
}
