using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Execution;

/// <summary>
/// A side effect written in the same transaction as the burst that caused it and delivered afterwards,
/// at least once. <see cref="Id"/> is the stable idempotency key receivers deduplicate on.
/// </summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    /// <summary>Which handler delivers it: mail, webhook, workflow.start-child, workflow.resume-parent, ...</summary>
    public required string Kind { get; init; }

    public required JsonNode Payload { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>
    /// How many deliveries of it were started, this one included, as the store counted its claims (0 when it was not
    /// claimed through the store). A failed delivery waits longer the more attempts it took.
    /// </summary>
    public int Attempts { get; init; }
}
