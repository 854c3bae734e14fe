namespace EscalationFlows.Persistence.Entities;

/// <summary>The first result of an operation sent with an idempotency key (table <c>wf_idempotency_keys</c>).</summary>
public sealed class IdempotencyKeyRow
{
    public required string Scope { get; set; }

    public required string Key { get; set; }

    /// <summary>JSON.</summary>
    public required string Result { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
