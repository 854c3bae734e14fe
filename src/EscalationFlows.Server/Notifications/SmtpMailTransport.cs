using EscalationFlows.Engine.Runtime;
using MailKit.Net.Smtp;
using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>
/// Sends through the configured SMTP server with MailKit, one connection per mail. A permanent (5xx) answer to the
/// sender, to every recipient or to the message becomes <see cref="OutboxDeliveryRejectedException"/> (not retried);
/// recipients rejected permanently while others are accepted are logged and skipped. Everything else — connection
/// refused, timeouts, TLS or authentication failures, temporary (4xx) answers — throws as it is, and the outbox retries.
/// </summary>
public sealed partial class SmtpMailTransport : IMailTransport
{
    private readonly MailOptions _options;
    private readonly string _host;
    private readonly ILogger<SmtpMailTransport> _logger;

    public SmtpMailTransport(MailOptions options, ILogger<SmtpMailTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Host is null)
        {
            throw new ArgumentException("Mail:Smtp:Host is not set.", nameof(options));
        }

        _options = options;
        _host = options.Host;
        _logger = logger;
    }

    public string Description => $"smtp {_options.Host}:{_options.Port} ({_options.Security})";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new RecipientTolerantSmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        client.Expect(message.To.Mailboxes.Concat(message.Cc.Mailboxes).Concat(message.Bcc.Mailboxes)
            .Select(m => m.Address).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        try
        {
            await client.ConnectAsync(_host, _options.Port, _options.Security, cancellationToken);
            if (_options.UserName is not null)
            {
                await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            var mailbox = ex.Mailbox is { } m ? $" ({m.Address})" : "";
            throw new OutboxDeliveryRejectedException($"The SMTP server rejected the mail <{message.MessageId}>: {(int)ex.StatusCode} {ex.Message}{mailbox}", ex);
        }

        foreach (var (mailbox, response) in client.Rejected)
        {
            LogRecipientRejected(_logger, message.MessageId ?? "", mailbox.Address, (int)response.StatusCode, response.Response);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SmtpProtocolException or SmtpCommandException or TimeoutException)
        {
            // The mail was accepted; a failed goodbye must not send it again.
            LogDisconnectFailed(_logger, ex, message.MessageId ?? "");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail <{MessageId}>: the SMTP server rejected recipient {Recipient} ({Status} {Response}); sent to the others")]
    private static partial void LogRecipientRejected(ILogger logger, string messageId, string recipient, int status, string response);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail <{MessageId}> was sent, but closing the SMTP connection failed")]
    private static partial void LogDisconnectFailed(ILogger logger, Exception exception, string messageId);
}
