namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>A message received (the client's answer through a link).</summary>
public sealed record InboundMessage
{
    /// <summary>Who wrote it (one of <see cref="MessageAudiences"/>).</summary>
    public string From { get; init; } = MessageAudiences.Client;

    public string Channel { get; init; } = CommunicationChannels.ClientLink;

    public string? Subject { get; init; }

    public required string Body { get; init; }

    public string Purpose { get; init; } = "client-answer";
}
