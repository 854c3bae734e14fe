using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>A threshold that fired: the outbox message (already leased by the firing node) that publishes its event.</summary>
/// <param name="OutboxMessageId">The message to deliver right after the commit.</param>
/// <param name="IdempotencyKey">The key the event is published with (the timer id).</param>
/// <param name="SubjectId">The subject, also the event's correlation id.</param>
/// <param name="Payload">The event payload.</param>
public sealed record SlaFiring(string OutboxMessageId, string IdempotencyKey, string SubjectId, JsonObject Payload);
