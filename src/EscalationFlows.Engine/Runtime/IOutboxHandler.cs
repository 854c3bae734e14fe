using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>Delivers outbox messages of one kind (mail, webhook). At least once: receivers deduplicate on the message id.</summary>
public interface IOutboxHandler
{
    string Kind { get; }

    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);
}
