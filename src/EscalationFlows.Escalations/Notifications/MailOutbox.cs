namespace EscalationFlows.Escalations.Notifications;

/// <summary>The outbox kind of mail messages; payload { to, cc, subject, textBody, htmlBody?, replyTo }.</summary>
public static class MailOutbox { public const string Kind = "mail"; }
