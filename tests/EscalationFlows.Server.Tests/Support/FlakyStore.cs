using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>
/// Wraps the registered instance store and fails the timer and outbox queries while <see cref="Failing"/> is set
/// (a database that went away), counting the failures.
/// </summary>
public sealed class FlakyStore : IWorkflowStore, IWorkflowInstanceQuery
{
    public const string Message = "connection refused (simulated outage)";

    private IWorkflowStore _inner = null!;
    private int _failures;

    public bool Failing { get; set; }

    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Replaces the IWorkflowStore registration with this wrapper around the original.</summary>
    public void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IWorkflowStore));
        services.RemoveAll<IWorkflowStore>();
        services.RemoveAll<IWorkflowInstanceQuery>();
        services.AddSingleton<IWorkflowStore>(sp =>
        {
            _inner = (IWorkflowStore)(original.ImplementationFactory?.Invoke(sp) ?? original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!));
            return this;
        });
        services.AddSingleton<IWorkflowInstanceQuery>(sp => (IWorkflowInstanceQuery)sp.GetRequiredService<IWorkflowStore>());
    }

    private void Check()
    {
        if (Failing)
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException(Message);
        }
    }

    public Task<StoredInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) => _inner.GetInstanceAsync(instanceId, cancellationToken);

    public Task<StoredBookmark?> GetBookmarkAsync(string bookmarkId, CancellationToken cancellationToken) => _inner.GetBookmarkAsync(bookmarkId, cancellationToken);

    public Task<IReadOnlyList<Bookmark>> FindBookmarksAsync(string kind, string stimulusHash, string? correlationId, CancellationToken cancellationToken) =>
        _inner.FindBookmarksAsync(kind, stimulusHash, correlationId, cancellationToken);

    public Task CommitAsync(BurstCommit commit, CancellationToken cancellationToken) => _inner.CommitAsync(commit, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string scope, string key, CancellationToken cancellationToken) => _inner.FindIdempotencyAsync(scope, key, cancellationToken);

    public Task ScheduleTimerAsync(ScheduledTimer timer, CancellationToken cancellationToken) => _inner.ScheduleTimerAsync(timer, cancellationToken);

    public Task CancelTimerAsync(string timerId, CancellationToken cancellationToken) => _inner.CancelTimerAsync(timerId, cancellationToken);

    public Task<IReadOnlyList<DueTimer>> ClaimDueTimersAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, CancellationToken cancellationToken)
    {
        Check();
        return _inner.ClaimDueTimersAsync(now, max, owner, lease, cancellationToken);
    }

    public Task CompleteTimerAsync(string timerId, CancellationToken cancellationToken) => _inner.CompleteTimerAsync(timerId, cancellationToken);

    public Task<DateTimeOffset?> GetNextTimerDueAsync(CancellationToken cancellationToken)
    {
        Check();
        return _inner.GetNextTimerDueAsync(cancellationToken);
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimOutboxAsync(DateTimeOffset now, int max, string owner, TimeSpan lease, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        Check();
        return _inner.ClaimOutboxAsync(now, max, owner, lease, kinds, cancellationToken);
    }

    public Task<bool> TryClaimOutboxMessageAsync(string messageId, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        _inner.TryClaimOutboxMessageAsync(messageId, now, owner, lease, cancellationToken);

    public Task MarkOutboxDeliveredAsync(string messageId, DateTimeOffset at, CancellationToken cancellationToken) => _inner.MarkOutboxDeliveredAsync(messageId, at, cancellationToken);

    public Task MarkOutboxFailedAsync(string messageId, DateTimeOffset retryAt, string error, CancellationToken cancellationToken) =>
        _inner.MarkOutboxFailedAsync(messageId, retryAt, error, cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> GetJournalAsync(string instanceId, long afterSequence, int max, CancellationToken cancellationToken) =>
        _inner.GetJournalAsync(instanceId, afterSequence, max, cancellationToken);

    public Task<InstancePage> ListAsync(InstanceFilter filter, PageRequest page, CancellationToken cancellationToken) =>
        ((IWorkflowInstanceQuery)_inner).ListAsync(filter, page, cancellationToken);
}
