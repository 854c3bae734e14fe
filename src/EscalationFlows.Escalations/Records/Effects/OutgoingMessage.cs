using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>
/// A message to render and send when the step commits: Scriban templates over <c>escalation</c> (the record as
/// committed), <c>data</c> and <c>link</c>. Email goes to the outbox as kind <c>mail</c>, a webhook as kind
/// <c>webhook</c>; in-app messages only land in the communications log (the client page shows them).
/// </summary>
public sealed record OutgoingMessage
{
    /// <summary>The outbox message id (also the communications log's reference and the mail's Message-ID).</summary>
    public required string Id { get; init; }

    /// <summary>One of <see cref="MessageAudiences"/>.</summary>
    public required string Audience { get; init; }

    /// <summary>One of <see cref="CommunicationChannels.Outbound"/>.</summary>
    public required string Channel { get; init; }

    /// <summary>Explicit addresses (emails or user ids) instead of the audience's.</summary>
    public IReadOnlyList<string> To { get; init; } = [];

    public required string SubjectTemplate { get; init; }

    public required string BodyTemplate { get; init; }

    /// <summary>An HTML body; values from the model are HTML-escaped.</summary>
    public string? HtmlTemplate { get; init; }

    /// <summary>More model data for the templates, visible as <c>data</c>.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>A client link the message carries, visible as <c>link</c> (<c>{ url, expiresAt }</c>).</summary>
    public JsonObject? Link { get; init; }

    public string? WebhookUrl { get; init; }

    public JsonObject? WebhookHeaders { get; init; }

    /// <summary>notification, guidance, confirmation-request, reminder...</summary>
    public string Purpose { get; init; } = "notification";
}
