namespace EscalationFlows.Engine.Runtime;

/// <summary>Handles due timers of one kind. Delivery is at least once: handlers must be idempotent on the timer id.</summary>
public interface ITimerHandler
{
    string Kind { get; }

    Task HandleAsync(DueTimer timer, CancellationToken cancellationToken);
}
