using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>
/// The in-memory store, except that marking the first delivered message of one outbox kind fails, as if the process
/// died between delivering it and recording the delivery. The message becomes due again and is redelivered.
/// </summary>
public sealed class FlakyDeliveryStore(InMemoryWorkflowStore inner, string failingKind) : IWorkflowStore
{
    private readonly Dictionary<string, string> _kinds = [];
    private int _failures;

    /// <summary>How many deliveries were "lost" so far.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken) => inner.GetBookmarkAsync(bookmarkId, cancellationToken);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken) =>
        inner.FindBookmarksAsync(kind, stimulusHash, correlationId, cancellationToken);

    public Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        lock (_kinds)
        {
            foreach (var message in commit.Result.Outbox)
            {
                _kinds[message.Id] = message.Kind;
            }
        }

        return inner.CommitAsync(commit, cancellationToken);
    }

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken cancellationToken) => inner.FindIdempotencyAsync(scope, key, cancellationToken);

    public Task ScheduleTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken) => inner.ScheduleTimerAsync(timer, cancellationToken);

    public Task CancelTimerAsync(string timerId, CancellationToken cancellationToken) => inner.CancelTimerAsync(timerId, cancellationToken);

    public Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.ClaimDueTimersAsync(now, max, owner, lease, cancellationToken);

    public Task CompleteTimerAsync(string timerId, CancellationToken cancellationToken) => inner.CompleteTimerAsync(timerId, cancellationToken);

    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken) => inner.GetNextTimerDueAsync(cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken) =>
        inner.ClaimOutboxAsync(now, max, owner, lease, kinds, cancellationToken);

    public Task<bool> TryClaimOutboxMessageAsync(string messageId, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.TryClaimOutboxMessageAsync(messageId, now, owner, lease, cancellationToken);

    public Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        bool fail;
        lock (_kinds)
        {
            fail = _kinds.GetValueOrDefault(messageId) == failingKind && _failures == 0;
            if (fail)
            {
                _failures++;
            }
        }

        return fail
            ? throw new IOException("The process stopped before the delivery was recorded.")
            : inner.MarkOutboxDeliveredAsync(messageId, at, cancellationToken);
    }

    public Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        inner.MarkOutboxFailedAsync(messageId, retryAt, error, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken) =>
        inner.GetJournalAsync(instanceId, afterSequence, max, cancellationToken);
}
