using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Services;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Escalations.Sla.Runtime;

/// <summary>
/// Publishes threshold events the firing node could not publish right after its commit (it crashed, or publishing
/// failed): the outbox dispatcher hands them here once their lease ran out. The idempotency key is the timer id, so
/// workflows the first attempt already started are not started again.
/// </summary>
public sealed class SlaThresholdOutboxHandler : IOutboxHandler
{
    private readonly IServiceProvider _services;

    public SlaThresholdOutboxHandler(IServiceProvider services)
    {
        _services = services;
    }

    public string Kind => SlaClockService.OutboxKind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload;
        var subjectId = payload["correlationId"]?.GetValue<string>() ?? throw new InvalidOperationException($"Outbox message '{message.Id}' has no correlationId.");
        var key = payload["idempotencyKey"]?.GetValue<string>() ?? throw new InvalidOperationException($"Outbox message '{message.Id}' has no idempotencyKey.");
        var eventPayload = payload["payload"] ?? throw new InvalidOperationException($"Outbox message '{message.Id}' has no payload.");
        await SlaEventPublisher.PublishAsync(_services.GetRequiredService<WorkflowRuntime>(), subjectId, eventPayload, key, cancellationToken);
    }
}
