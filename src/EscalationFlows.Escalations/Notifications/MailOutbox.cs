namespace EscalationFlows.Escalations.Notifications;

/// <summary>
/// The outbox kind of a mail. Payload: <c>{ "to": ["a@b"], "cc": [], "subject": "...", "textBody": "...",
/// "htmlBody": "..." (optional), "replyTo": null }</c>, written and read by <see cref="MailPayload"/>. The outbox message
/// id becomes the mail's Message-ID (<c>&lt;{id}@escalationflows&gt;</c>), so a redelivery is recognisable.
/// </summary>
public static class MailOutbox
{
    public const string Kind = "mail";
}
