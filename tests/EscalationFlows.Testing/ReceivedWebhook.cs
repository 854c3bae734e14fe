namespace EscalationFlows.Testing;

/// <summary>One request a <see cref="WebhookReceiver"/> got.</summary>
public sealed record ReceivedWebhook(
    string? Id,
    string? IdempotencyKey,
    string? Timestamp,
    string? Signature,
    string Method,
    string Path,
    string Body,
    bool SignatureValid,
    DateTimeOffset ReceivedAt);
