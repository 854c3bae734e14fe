using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Escalations.Sla.Runtime;

/// <summary>
/// Publishes the <c>sla.threshold</c> event of a fired threshold through <see cref="WorkflowRuntime.PublishEventAsync"/>
/// (correlation id = subject id, idempotency key = timer id), right after the firing committed. A failure leaves the
/// outbox message for the outbox dispatcher, which publishes it again with the same key.
/// </summary>
public sealed partial class SlaEventPublisher
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<SlaEventPublisher> _logger;

    public SlaEventPublisher(IServiceProvider services, TimeProvider clock, ILogger<SlaEventPublisher> logger)
    {
        _services = services;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Publishes the event and marks the (already leased) outbox message delivered; on failure marks it for a retry.</summary>
    public async Task DeliverAsync(SlaFiring firing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(firing);
        // Resolved lazily: the runtime depends on the timer handlers, which depend on this publisher.
        var runtime = _services.GetRequiredService<WorkflowRuntime>();
        try
        {
            await PublishAsync(runtime, firing.SubjectId, firing.Payload, firing.IdempotencyKey, cancellationToken);
            await runtime.Store.MarkOutboxDeliveredAsync(firing.OutboxMessageId, _clock.GetUtcNow(), cancellationToken);
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
        }
    }

    /// <summary>Publishes one threshold event (also used by the outbox handler).</summary>
    public static async Task<EventDispatchResult> PublishAsync(WorkflowRuntime runtime, string subjectId, System.Text.Json.Nodes.JsonNode payload, string idempotencyKey,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        return await runtime.PublishEventAsync(SlaThresholdEvent.Name, subjectId, payload.DeepClone(), idempotencyKey, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the SLA event of {TimerId} failed; the outbox dispatcher will publish it again")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string timerId);
}
