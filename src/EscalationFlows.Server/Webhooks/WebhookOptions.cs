namespace EscalationFlows.Server.Webhooks;

/// <summary>Outgoing webhooks (the <c>SendWebhook</c> activity), bound from the <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// The Standard Webhooks signing secret: <c>whsec_</c> followed by base64 of 24 to 64 random bytes (for example
    /// <c>"whsec_" + base64(openssl rand 32)</c>). When empty, webhooks are sent without a <c>webhook-signature</c> header.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>How long one delivery attempt may take before it counts as failed (and is retried).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
