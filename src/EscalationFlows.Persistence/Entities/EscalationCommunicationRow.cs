namespace EscalationFlows.Persistence.Entities;

/// <summary>One message to or from the client and others (table <c>esc_communications</c>, key escalation + sequence).</summary>
public sealed class EscalationCommunicationRow
{
    public required string EscalationId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Direction { get; set; }

    public required string Channel { get; set; }

    public required string Audience { get; set; }

    /// <summary>JSON array of addresses.</summary>
    public required string Recipients { get; set; }

    public string? Subject { get; set; }

    public required string Body { get; set; }

    /// <summary>The status when written; mail and webhooks are reported from their outbox row when read.</summary>
    public required string Status { get; set; }

    public string? OutboxMessageId { get; set; }

    public string? Purpose { get; set; }

    public required string Actor { get; set; }
}
