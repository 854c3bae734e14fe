using MimeKit;

namespace EscalationFlows.Testing;

/// <summary>A mail <see cref="SmtpTestServer"/> accepted: the parsed message and its SMTP envelope.</summary>
public sealed record ReceivedMail(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo)
{
    /// <summary>The Message-ID without angle brackets.</summary>
    public string? MessageId => Message.MessageId;
}
