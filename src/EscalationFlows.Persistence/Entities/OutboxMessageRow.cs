namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A side effect waiting for delivery (table <c>wf_outbox</c>), written in the transaction of the burst that caused
/// it and delivered at least once afterwards under a lease.
/// </summary>
public sealed class OutboxMessageRow
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string Kind { get; set; }

    /// <summary>JSON.</summary>
    public required string Payload { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LastError { get; set; }
}
