using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// Durable instance storage. <see cref="CommitAsync"/> writes a whole burst in one transaction, or nothing.
/// Implementations: the EF Core store (SQLite, PostgreSQL) and <see cref="InMemoryWorkflowStore"/> for tests.
/// </summary>
public interface IWorkflowStore
{
    Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken);

    /// <summary>Active bookmarks of a kind and stimulus; a bookmark without correlation id matches any correlation id.</summary>
    Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken);

    /// <exception cref="ConcurrencyConflictException">The instance changed since it was read, the new id exists, or the idempotency key was taken.</exception>
    Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken cancellationToken);

    /// <summary>Schedules (or moves) a module timer; the id makes it idempotent.</summary>
    Task ScheduleTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken);

    Task CancelTimerAsync(string timerId, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due timers (pending, or leased with an expired lease).</summary>
    Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a claimed timer once it fired. A timer moved by <see cref="ScheduleTimerAsync"/> after it was claimed (its
    /// lease is reset) is kept: the move is newer than the firing and must not be lost.
    /// </summary>
    Task CompleteTimerAsync(string timerId, CancellationToken cancellationToken);

    Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken);

    /// <summary>Leases undelivered outbox messages of the given kinds (all kinds when null).</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken);

    /// <summary>Leases one message if it is still undelivered and not leased by someone else.</summary>
    Task<bool> TryClaimOutboxMessageAsync(string messageId, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken);

    Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken);
}
