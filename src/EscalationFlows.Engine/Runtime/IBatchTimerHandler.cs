namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// A timer handler that can fire many claimed timers of its kind at once (for example in one database transaction),
/// so draining a backlog costs a few commits per batch instead of several per timer. The runtime hands it every timer
/// of its kind from one claim; the ones it returns are completed, the others stay leased and are claimed again after
/// their lease. <see cref="ITimerHandler.HandleAsync"/> must still handle a single timer.
/// </summary>
public interface IBatchTimerHandler : ITimerHandler
{
    /// <summary>Fires the timers; returns the ids of those that are done (handled, or moot).</summary>
    Task<IReadOnlyCollection<string>> HandleBatchAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken);
}
