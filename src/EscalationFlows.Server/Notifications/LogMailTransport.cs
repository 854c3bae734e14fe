using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>The transport without <c>Mail:Smtp:Host</c>: logs each mail (headers at Information, the text at Debug) and counts it delivered.</summary>
public sealed partial class LogMailTransport : IMailTransport
{
    private readonly ILogger<LogMailTransport> _logger;

    public LogMailTransport(ILogger<LogMailTransport> logger) => _logger = logger;

    public string Description => "log (Mail:Smtp:Host is not set: mails are logged, not sent)";

    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        LogMail(_logger, message.MessageId ?? "", string.Join(", ", message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)), message.Subject ?? "");
        LogBody(_logger, message.MessageId ?? "", message.TextBody ?? "");
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail <{MessageId}> to {Recipients}: {Subject} (log transport, not sent)")]
    private static partial void LogMail(ILogger logger, string messageId, string recipients, string subject);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mail <{MessageId}> text:\n{Text}")]
    private static partial void LogBody(ILogger logger, string messageId, string text);
}
