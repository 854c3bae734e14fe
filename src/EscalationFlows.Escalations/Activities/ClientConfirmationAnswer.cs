namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// The resume input of a <c>ClientConfirmation</c> bookmark: what the client answered through the link, and which link
/// (used up in the same transaction). Sent by the server's client endpoints, never by the public resume endpoint.
/// </summary>
public sealed record ClientConfirmationAnswer
{
    /// <summary>confirmed or rejected.</summary>
    public required string Outcome { get; init; }

    public string? Comment { get; init; }

    public required string ClientLinkId { get; init; }
}
