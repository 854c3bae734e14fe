using MailKit.Security;

namespace EscalationFlows.Server.Notifications;

/// <summary>
/// Mail settings, read from the <c>Mail</c> section by <see cref="MailOptionsReader"/>: <c>Mail:From</c> and
/// <c>Mail:Smtp:Host</c>, <c>Port</c>, <c>UseSsl</c> (false | true | starttls; unset = STARTTLS when offered),
/// <c>UserName</c>, <c>Password</c>, <c>TimeoutSeconds</c>. Without a host mails are logged, not sent.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public const string DefaultFrom = "EscalationFlows <escalationflows@localhost>";

    /// <summary>The sender, as an address or "Name &lt;address&gt;".</summary>
    public string From { get; set; } = DefaultFrom;

    /// <summary>The SMTP server; null means the log transport.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>How long one SMTP command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesSmtp => Host is not null;
}
