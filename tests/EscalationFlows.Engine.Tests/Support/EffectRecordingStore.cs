using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>The in-memory store, keeping every committed burst so tests can read the effects and bookmark changes.</summary>
public sealed class EffectRecordingStore(InMemoryWorkflowStore inner) : IWorkflowStore
{
    private readonly List<BurstResult> _bursts = [];

    public IReadOnlyList<BurstResult> Bursts
    {
        get
        {
            lock (_bursts)
            {
                return [.. _bursts];
            }
        }
    }

    public IReadOnlyList<BurstEffect> Effects(string kind) => [.. Bursts.SelectMany(b => b.Effects).Where(e => e.Kind == kind)];

    public Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken) => inner.GetBookmarkAsync(bookmarkId, cancellationToken);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken) =>
        inner.FindBookmarksAsync(kind, stimulusHash, correlationId, cancellationToken);

    public async Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        await inner.CommitAsync(commit, cancellationToken);
        lock (_bursts)
        {
            _bursts.Add(commit.Result);
        }
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

    public Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken) => inner.MarkOutboxDeliveredAsync(messageId, at, cancellationToken);

    public Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        inner.MarkOutboxFailedAsync(messageId, retryAt, error, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken) =>
        inner.GetJournalAsync(instanceId, afterSequence, max, cancellationToken);
}
