using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EscalationFlows.Testing;

/// <summary>Answers RCPT TO for the <see cref="SmtpTestServer"/>: 550 for permanently rejected addresses, 450 for temporarily rejected ones.</summary>
internal sealed class SmtpTestMailboxFilter(SmtpTestServer server) : MailboxFilter
{
    public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = to.AsAddress();
        server.CountRecipientAttempt();
        return server.RejectionOf(address) switch
        {
            SmtpRejection.Permanent => Task.FromResult(false),
            SmtpRejection.Temporary => throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)450, $"{address}: mailbox busy, try again later")),
            _ => Task.FromResult(true),
        };
    }
}
