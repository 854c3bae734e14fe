using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;

namespace EscalationFlows.Server.Live;

/// <summary>
/// The workflow store with an after-commit hook: once a burst's transaction committed, its instance (and every task
/// the burst created, completed, cancelled or escalated) is published to <see cref="LiveBroadcaster"/>. A commit that
/// throws publishes nothing. Every other call goes straight to the inner store.
/// </summary>
public sealed class LiveWorkflowStore : IWorkflowStore
{
    private readonly IWorkflowStore _inner;
    private readonly LiveBroadcaster _broadcaster;
    private readonly HumanTaskStore _tasks;

    public LiveWorkflowStore(IWorkflowStore inner, LiveBroadcaster broadcaster, HumanTaskStore tasks)
    {
        _inner = inner;
        _broadcaster = broadcaster;
        _tasks = tasks;
    }

    /// <summary>The decorated store.</summary>
    public IWorkflowStore Inner => _inner;

    public async Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        await _inner.CommitAsync(commit, cancellationToken);
        Publish(commit.Result);
    }

    public Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => _inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken) => _inner.GetBookmarkAsync(bookmarkId, cancellationToken);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken) =>
        _inner.FindBookmarksAsync(kind, stimulusHash, correlationId, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken cancellationToken) => _inner.FindIdempotencyAsync(scope, key, cancellationToken);

    public Task ScheduleTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken) => _inner.ScheduleTimerAsync(timer, cancellationToken);

    public Task CancelTimerAsync(string timerId, CancellationToken cancellationToken) => _inner.CancelTimerAsync(timerId, cancellationToken);

    public Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        _inner.ClaimDueTimersAsync(now, max, owner, lease, cancellationToken);

    public Task CompleteTimerAsync(string timerId, CancellationToken cancellationToken) => _inner.CompleteTimerAsync(timerId, cancellationToken);

    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken) => _inner.GetNextTimerDueAsync(cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string>? kinds,
        CancellationToken cancellationToken) => _inner.ClaimOutboxAsync(now, max, owner, lease, kinds, cancellationToken);

    public Task<bool> TryClaimOutboxMessageAsync(string messageId, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        _inner.TryClaimOutboxMessageAsync(messageId, now, owner, lease, cancellationToken);

    public Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken) => _inner.MarkOutboxDeliveredAsync(messageId, at, cancellationToken);

    public Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        _inner.MarkOutboxFailedAsync(messageId, retryAt, error, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken) =>
        _inner.GetJournalAsync(instanceId, afterSequence, max, cancellationToken);

    private void Publish(BurstResult result)
    {
        if (_broadcaster.SubscriberCount == 0)
        {
            return;
        }

        var state = result.State;
        _broadcaster.Publish(LiveChange.Instance(state.Id, state.Status.ToString()));

        var tasks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var bookmark in result.AddedBookmarks.Where(b => b.Kind == BookmarkKinds.HumanTask))
        {
            tasks[bookmark.Id] = HumanTaskStatuses.Open;
        }

        foreach (var effect in result.Effects.Where(e => e.Kind == HumanTaskEffects.Escalated))
        {
            if (effect.Payload["taskId"]?.GetValue<string>() is { } escalated)
            {
                tasks.TryAdd(escalated, HumanTaskStatuses.Open);
            }
        }

        foreach (var bookmark in result.RemovedBookmarks.Where(b => b.Kind == BookmarkKinds.HumanTask))
        {
            tasks[bookmark.Id] = string.Equals(bookmark.Id, result.ConsumedBookmarkId, StringComparison.Ordinal) ? HumanTaskStatuses.Completed : HumanTaskStatuses.Cancelled;
        }

        foreach (var (taskId, status) in tasks)
        {
            _broadcaster.Publish(LiveChange.Task(taskId, status, new Lazy<Task<LiveTaskAudience?>>(() => LoadAudienceAsync(taskId))));
        }

        // Escalation records changed by the burst's effects (applied in the same transaction).
        foreach (var escalationId in result.Effects.Where(e => e.Kind == EscalationEffect.Kind).Select(e => e.Payload["escalationId"]?.GetValue<string>()).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            _broadcaster.Publish(LiveChange.Escalation(escalationId));
        }
    }

    private async Task<LiveTaskAudience?> LoadAudienceAsync(string taskId)
    {
        var row = await _tasks.GetAsync(taskId, CancellationToken.None);
        return row is null ? null : LiveTaskAudience.Of(row);
    }
}
