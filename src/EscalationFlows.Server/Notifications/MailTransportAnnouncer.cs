namespace EscalationFlows.Server.Notifications;

/// <summary>Says at startup how mails leave the server: through which SMTP server, or only into the log.</summary>
public sealed partial class MailTransportAnnouncer : IHostedService
{
    private readonly IMailTransport _transport;
    private readonly MailOptions _options;
    private readonly ILogger<MailTransportAnnouncer> _logger;

    public MailTransportAnnouncer(IMailTransport transport, MailOptions options, ILogger<MailTransportAnnouncer> logger)
    {
        _transport = transport;
        _options = options;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.UsesSmtp)
        {
            LogSmtp(_logger, _transport.Description, _options.From);
        }
        else
        {
            LogOnlyLogged(_logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail is sent via {Transport} from {From}")]
    private static partial void LogSmtp(ILogger logger, string transport, string from);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail:Smtp:Host is not set: mails are written to the log and counted as delivered, not sent")]
    private static partial void LogOnlyLogged(ILogger logger);
}
