using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Notifications;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EscalationFlows.Server.Mail;

/// <summary>
/// Delivers outbox messages of kind <c>mail</c> (<c>{ to, cc, subject, textBody, htmlBody?, replyTo }</c>) over SMTP.
/// The outbox message id is the mail's Message-ID (<c>&lt;{id}@escalationflows&gt;</c>) and its
/// <c>X-EscalationFlows-Message-Id</c> header, so a redelivery (the outbox is at least once) is recognisable. Without
/// <c>Mail:Smtp:Host</c> the mail is logged and counts as delivered.
/// </summary>
public sealed partial class SmtpMailOutboxHandler : IOutboxHandler
{
    public const string MessageIdHeader = "X-EscalationFlows-Message-Id";

    private readonly MailOptions _options;
    private readonly ILogger<SmtpMailOutboxHandler> _logger;

    public SmtpMailOutboxHandler(IOptions<MailOptions> options, ILogger<SmtpMailOutboxHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
    }

    public string Kind => MailOutbox.Kind;

    /// <summary>Whether mail goes to an SMTP server (else to the log).</summary>
    public bool Sends => !string.IsNullOrWhiteSpace(_options.Smtp.Host);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = Build(message);
        if (!Sends)
        {
            LogMail(_logger, message.Id, string.Join(", ", mail.To.Mailboxes.Select(m => m.Address)), mail.Subject ?? string.Empty);
            return;
        }

        using var client = new SmtpClient { Timeout = (int)_options.Smtp.Timeout.TotalMilliseconds };
        var security = _options.Smtp.UseSsl.Trim().ToLowerInvariant() switch
        {
            "true" => SecureSocketOptions.SslOnConnect,
            "starttls" => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(_options.Smtp.Host!, _options.Smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.Smtp.UserName))
        {
            await client.AuthenticateAsync(_options.Smtp.UserName, _options.Smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(mail, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The MIME message of an outbox message (a text part, and an HTML alternative when given).</summary>
    public MimeMessage Build(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var payload = message.Payload as JsonObject ?? throw new InvalidOperationException($"Mail {message.Id} has no payload object.");
#pragma warning disable CA2000 // Returned to the caller, who disposes it.
        var mail = new MimeMessage { Subject = JsonStrings.Get(payload["subject"]) ?? string.Empty, MessageId = $"{message.Id}@escalationflows" };
#pragma warning restore CA2000
        mail.From.Add(MailboxAddress.Parse(_options.From));
        mail.To.AddRange(Addresses(payload["to"]));
        mail.Cc.AddRange(Addresses(payload["cc"]));
        if (JsonStrings.Get(payload["replyTo"]) is { Length: > 0 } replyTo)
        {
            mail.ReplyTo.Add(MailboxAddress.Parse(replyTo));
        }

        if (mail.To.Count == 0)
        {
            throw new InvalidOperationException($"Mail {message.Id} has no recipient.");
        }

        mail.Headers.Add(MessageIdHeader, message.Id);
        var body = new BodyBuilder { TextBody = JsonStrings.Get(payload["textBody"]) ?? string.Empty };
        if (JsonStrings.Get(payload["htmlBody"]) is { Length: > 0 } html)
        {
            body.HtmlBody = html;
        }

        mail.Body = body.ToMessageBody();
        return mail;
    }

    private static IEnumerable<MailboxAddress> Addresses(JsonNode? node) =>
        node is JsonArray items ? items.Select(JsonStrings.Get).OfType<string>().Where(a => a.Length > 0).Select(MailboxAddress.Parse) : [];

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageId} to {To} (no Mail:Smtp:Host, so logged and not sent): {Subject}")]
    private static partial void LogMail(ILogger logger, string messageId, string to, string subject);
}
