namespace EscalationFlows.Escalations.Records;

/// <summary>A message to or from the client (or the owner, handler, stakeholders, leadership): channel, status and the outbox message that carries it.</summary>
public sealed record CommunicationEntry
{
    public required int Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>outbound or inbound.</summary>
    public required string Direction { get; init; }

    /// <summary>One of <see cref="CommunicationChannels"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>One of <see cref="MessageAudiences"/> (for inbound: who wrote).</summary>
    public required string Audience { get; init; }

    public IReadOnlyList<string> To { get; init; } = [];

    public string? Subject { get; init; }

    public required string Body { get; init; }

    /// <summary>One of <see cref="CommunicationStatuses"/>.</summary>
    public required string Status { get; init; }

    /// <summary>The outbox message id (mail, webhook): also the mail's Message-ID.</summary>
    public string? OutboxMessageId { get; init; }

    /// <summary>What the message was for (notification, confirmation-request, reminder, guidance, client-answer...).</summary>
    public string? Purpose { get; init; }

    public required string Actor { get; init; }

    public const string Outbound = "outbound";
    public const string Inbound = "inbound";
}
