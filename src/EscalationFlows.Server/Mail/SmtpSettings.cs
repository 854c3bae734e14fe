namespace EscalationFlows.Server.Mail;

/// <summary>The SMTP server mail is sent through (<c>Mail:Smtp:*</c>).</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>false (plain), true (implicit TLS) or starttls.</summary>
    public string UseSsl { get; set; } = "false";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
