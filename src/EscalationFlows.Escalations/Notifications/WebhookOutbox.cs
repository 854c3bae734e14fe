namespace EscalationFlows.Escalations.Notifications;

/// <summary>The outbox kind of webhook calls — the engine's <c>SendWebhook</c> kind; payload { url, body, headers } (delivered by the server's webhook handler).</summary>
public static class WebhookOutbox
{
    public const string Kind = Engine.Activities.BuiltIn.SendWebhookActivity.OutboxKind;
}
