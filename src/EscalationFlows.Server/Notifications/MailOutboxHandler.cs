using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Notifications;
using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>
/// Delivers outbox messages of kind <see cref="MailOutbox.Kind"/> through the configured <see cref="IMailTransport"/>.
/// A payload that can never become a mail (no recipient, an invalid address, a missing subject) is rejected
/// (<see cref="OutboxDeliveryRejectedException"/>); transport failures are retried by the outbox, and each retry sends
/// the same Message-ID so receivers can recognise a redelivery.
/// </summary>
public sealed partial class MailOutboxHandler : IOutboxHandler
{
    private readonly IMailTransport _transport;
    private readonly MailboxAddress _from;
    private readonly ILogger<MailOutboxHandler> _logger;

    public MailOutboxHandler(IMailTransport transport, MailOptions options, ILogger<MailOutboxHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _transport = transport;
        _from = MailboxAddress.Parse(options.From);
        _logger = logger;
    }

    public string Kind => MailOutbox.Kind;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var mail = Build(message);
        await _transport.SendAsync(mail, cancellationToken);
        LogSent(_logger, mail.MessageId ?? message.Id, mail.To.Count + mail.Cc.Count, message.InstanceId, _transport.Description);
    }

    private MimeMessage Build(OutboxMessage message)
    {
        try
        {
            return MailMessageFactory.Create(message, MailPayload.FromJson(message.Payload), _from);
        }
        catch (MailPayloadException ex)
        {
            throw new OutboxDeliveryRejectedException($"Mail {message.Id} of instance {message.InstanceId} cannot be sent: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail <{MessageId}> to {Recipients} recipients of instance {InstanceId} delivered via {Transport}")]
    private static partial void LogSent(ILogger logger, string messageId, int recipients, string instanceId, string transport);
}
