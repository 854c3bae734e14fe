namespace EscalationFlows.Escalations.Records;

/// <summary>How a message travels.</summary>
public static class CommunicationChannels
{
    /// <summary>Mail through the outbox (kind <c>mail</c>).</summary>
    public const string Email = "email";

    /// <summary>A message shown on the client's page (the communications log is the mailbox).</summary>
    public const string InApp = "in-app";

    /// <summary>An HTTP POST through the outbox (kind <c>webhook</c>).</summary>
    public const string Webhook = "webhook";

    /// <summary>An answer the client gave through a signed link.</summary>
    public const string ClientLink = "client-link";

    public static IReadOnlyList<string> Outbound { get; } = [Email, InApp, Webhook];
}
