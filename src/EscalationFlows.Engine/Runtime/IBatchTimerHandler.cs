namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// A timer handler that can fire many claimed timers of its kind at once (for example in one database transaction),
/// so draining a backlog costs a few commits per batch instead of several per timer. The runtime hands it every timer
/// of its kind from one claim and then completes the ids it returns. A handler whose own transaction already deleted
/// or moved the rows returns none; a timer neither returned nor dealt with stays leased and is claimed again after its
/// lease. <see cref="ITimerHandler.HandleAsync"/> must still handle a single timer.
/// </summary>
public interface IBatchTimerHandler : ITimerHandler
{
    /// <summary>Fires the timers; returns the ids the runtime should complete (delete while still claimed).</summary>
    Task<IReadOnlyCollection<string>> HandleBatchAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken);
}
