namespace EscalationFlows.Server.Mail;

/// <summary>
/// Configuration section <c>Mail</c>: <c>Mail:Smtp:Host</c>, <c>Port</c> (25), <c>UseSsl</c> (false, true for
/// implicit TLS, or starttls), <c>UserName</c>, <c>Password</c>, and <c>Mail:From</c>. Without a host mail is written to
/// the log and marked delivered.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpSettings Smtp { get; set; } = new();

    public string From { get; set; } = "EscalationFlows <escalations@escalationflows.local>";
}
