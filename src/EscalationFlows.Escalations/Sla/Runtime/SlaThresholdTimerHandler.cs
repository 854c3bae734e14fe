using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Escalations.Sla.Runtime;

/// <summary>
/// Fires SLA threshold timers (kind <see cref="SlaThresholdTimers.Kind"/>). For a whole claimed batch, in ONE
/// transaction, it re-checks each clock, records the firings, moves the clocks' other timers and stages the events'
/// outbox messages; after the commit it publishes the events. A redelivered timer finds its threshold fired and
/// publishes nothing; a stale one (the clock was paused or its target raised after the timer was claimed) only
/// realigns its row. When the batch transaction fails for another reason than a conflict, the timers are fired one
/// by one, so one bad timer cannot hold up the others. The firing transaction already deletes (fired, moot) or moves
/// (stale) each timer's row, so nothing is left for the runtime to complete.
/// </summary>
public sealed partial class SlaThresholdTimerHandler : IBatchTimerHandler
{
    private readonly ISlaStore _store;
    private readonly SlaClockService _service;
    private readonly SlaEventPublisher _publisher;
    private readonly TimeProvider _clock;
    private readonly RuntimeOptions _runtime;
    private readonly ILogger<SlaThresholdTimerHandler> _logger;

    public SlaThresholdTimerHandler(ISlaStore store, SlaClockService service, SlaEventPublisher publisher, TimeProvider clock, IOptions<RuntimeOptions> runtime,
        ILogger<SlaThresholdTimerHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        _store = store;
        _service = service;
        _publisher = publisher;
        _clock = clock;
        _runtime = runtime.Value;
        _logger = logger;
    }

    public string Kind => SlaThresholdTimers.Kind;

    public Task HandleAsync(DueTimer timer, CancellationToken cancellationToken) => FireAsync([timer], cancellationToken);

    public async Task<IReadOnlyCollection<string>> HandleBatchAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timers);
        try
        {
            await FireAsync(timers, cancellationToken);
            return [];
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Fall back to one transaction per timer; a timer that still fails stays leased and is retried.
        catch (Exception ex) when (timers.Count > 1)
#pragma warning restore CA1031
        {
            LogBatchFailed(_logger, ex, timers.Count);
        }

        foreach (var timer in timers)
        {
            try
            {
                await FireAsync([timer], cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // The timer stays leased and is claimed again after its lease.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogTimerFailed(_logger, ex, timer.Id);
            }
        }

        return [];
    }

    private async Task FireAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        var leaseUntil = now + _runtime.OutboxLease;
        var firings = await _store.ExecuteAsync(async (session, ct) =>
        {
            await session.PreloadAsync([.. timers.Select(t => t.Payload?["subjectId"]?.GetValue<string>()).OfType<string>()], ct);
            var fired = new List<SlaFiring>();
            foreach (var timer in timers)
            {
                if (await _service.FireAsync(session, timer, now, _runtime.NodeId, leaseUntil, ct) is { } firing)
                {
                    fired.Add(firing);
                }
            }

            return fired;
        }, cancellationToken);
        await _publisher.DeliverAsync(firings, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing a batch of {Count} SLA timers failed; firing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SLA timer {TimerId} failed; it fires again after its lease")]
    private static partial void LogTimerFailed(ILogger logger, Exception exception, string timerId);
}
