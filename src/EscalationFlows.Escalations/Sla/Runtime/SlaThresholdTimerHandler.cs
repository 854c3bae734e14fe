using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Escalations.Sla.Runtime;

/// <summary>
/// Fires SLA threshold timers (kind <see cref="SlaThresholdTimers.Kind"/>). In ONE transaction it re-checks the clock,
/// records the firing, moves the clock's other timers and stages the event's outbox message; after the commit it
/// publishes the event. A redelivered timer finds the threshold fired and publishes nothing; a stale one (the clock
/// was paused or its target raised after the timer was claimed) only realigns its row.
/// </summary>
public sealed class SlaThresholdTimerHandler : ITimerHandler
{
    private readonly ISlaStore _store;
    private readonly SlaClockService _service;
    private readonly SlaEventPublisher _publisher;
    private readonly TimeProvider _clock;
    private readonly RuntimeOptions _runtime;

    public SlaThresholdTimerHandler(ISlaStore store, SlaClockService service, SlaEventPublisher publisher, TimeProvider clock, IOptions<RuntimeOptions> runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _store = store;
        _service = service;
        _publisher = publisher;
        _clock = clock;
        _runtime = runtime.Value;
    }

    public string Kind => SlaThresholdTimers.Kind;

    public async Task HandleAsync(DueTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var now = _clock.GetUtcNow();
        var firing = await _store.ExecuteAsync(
            (session, ct) => _service.FireAsync(session, timer, now, _runtime.NodeId, now + _runtime.OutboxLease, ct), cancellationToken);
        if (firing is not null)
        {
            await _publisher.DeliverAsync(firing, cancellationToken);
        }
    }
}
