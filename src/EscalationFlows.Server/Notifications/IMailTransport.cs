using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>Sends one built mail. Throws <see cref="Engine.Runtime.OutboxDeliveryRejectedException"/> when it can never be sent; any other exception is retried.</summary>
public interface IMailTransport
{
    /// <summary>"smtp host:port" or "log", for the startup message and logs.</summary>
    string Description { get; }

    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
