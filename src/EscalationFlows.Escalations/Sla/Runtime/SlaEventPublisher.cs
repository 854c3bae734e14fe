using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Escalations.Sla.Runtime;

/// <summary>
/// Publishes the <c>sla.threshold</c> events of fired thresholds through <see cref="WorkflowRuntime.PublishEventAsync"/>
/// (correlation id = subject id, idempotency key = timer id) right after the firing committed — several subjects at
/// once, each subject's events in firing order — then marks their outbox messages delivered in one statement. A failed event stays in the outbox for the outbox dispatcher, which publishes
/// it again with the same key.
/// </summary>
public sealed partial class SlaEventPublisher
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>How many subjects' events are published at once.</summary>
    private static readonly int MaxParallelSubjects = Math.Clamp(Environment.ProcessorCount * 2, 2, 8);

    private readonly IServiceProvider _services;
    private readonly ISlaStore _store;
    private readonly TimeProvider _clock;
    private readonly ILogger<SlaEventPublisher> _logger;

    public SlaEventPublisher(IServiceProvider services, ISlaStore store, TimeProvider clock, ILogger<SlaEventPublisher> logger)
    {
        _services = services;
        _store = store;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Publishes the events and marks their (already leased) outbox messages delivered; failed ones are marked for a retry.</summary>
    public async Task DeliverAsync(IReadOnlyList<SlaFiring> firings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firings);
        if (firings.Count == 0)
        {
            return;
        }

        // Resolved lazily: the runtime depends on the timer handlers, which depend on this publisher.
        var runtime = _services.GetRequiredService<WorkflowRuntime>();
        var delivered = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Subjects are independent: publish several at once; the events of one subject go out in firing order.
        var bySubject = firings.GroupBy(f => f.SubjectId, StringComparer.Ordinal).ToList();
        await Parallel.ForEachAsync(bySubject, new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSubjects, CancellationToken = cancellationToken },
            async (subject, ct) =>
            {
                foreach (var firing in subject)
                {
                    if (await TryPublishAsync(runtime, firing, ct))
                    {
                        delivered.Add(firing.OutboxMessageId);
                    }
                }
            });

        if (delivered.Count > 0)
        {
            var at = _clock.GetUtcNow();
            await _store.ExecuteAsync(async (session, ct) =>
            {
                await session.MarkOutboxDeliveredAsync(delivered, at, ct);
                return delivered.Count;
            }, cancellationToken);
        }
    }

    private async Task<bool> TryPublishAsync(WorkflowRuntime runtime, SlaFiring firing, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(runtime, firing.SubjectId, firing.Payload, firing.IdempotencyKey, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The event stays in the outbox; the dispatcher publishes it again with the same idempotency key.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogPublishFailed(_logger, ex, firing.IdempotencyKey);
            await runtime.Store.MarkOutboxFailedAsync(firing.OutboxMessageId, _clock.GetUtcNow() + RetryDelay, ex.Message, cancellationToken);
            return false;
        }
    }

    /// <summary>Publishes one threshold event (also used by the outbox handler).</summary>
    public static async Task<EventDispatchResult> PublishAsync(WorkflowRuntime runtime, string subjectId, System.Text.Json.Nodes.JsonNode payload, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(payload);
        return await runtime.PublishEventAsync(SlaThresholdEvent.Name, subjectId, payload.DeepClone(), idempotencyKey, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the SLA event of {TimerId} failed; the outbox dispatcher will publish it again")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string timerId);
}
