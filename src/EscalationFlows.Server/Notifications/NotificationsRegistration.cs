using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Notifications;

public static class NotificationsRegistration
{
    /// <summary>
    /// Registers mail delivery: <see cref="MailOptions"/> from the <c>Mail</c> section (checked now, so a bad value fails
    /// at startup), the SMTP transport when <c>Mail:Smtp:Host</c> is set and the log transport otherwise, the outbox
    /// handler for kind "mail" and the startup message saying which transport is used.
    /// </summary>
    public static IServiceCollection AddEscalationFlowsMail(this IServiceCollection services, IConfiguration configuration)
    {
        var options = MailOptionsReader.Read(configuration);
        services.AddSingleton(options);
        if (options.UsesSmtp)
        {
            services.AddSingleton<IMailTransport, SmtpMailTransport>();
        }
        else
        {
            services.AddSingleton<IMailTransport, LogMailTransport>();
        }

        services.AddSingleton<IOutboxHandler, MailOutboxHandler>();
        services.AddHostedService<MailTransportAnnouncer>();
        return services;
    }
}
