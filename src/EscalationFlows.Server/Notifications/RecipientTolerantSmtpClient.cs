using MailKit.Net.Smtp;
using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>
/// An SMTP client that sends to the recipients the server accepts when it permanently (5xx) rejects some of them,
/// remembering the rejected ones. A temporary (4xx) rejection, or the rejection of every recipient, still throws, so
/// nothing is sent and the whole mail is retried or rejected.
/// </summary>
internal sealed class RecipientTolerantSmtpClient : SmtpClient
{
    private readonly List<(MailboxAddress Mailbox, SmtpResponse Response)> _rejected = [];
    private int _recipients;

    public IReadOnlyList<(MailboxAddress Mailbox, SmtpResponse Response)> Rejected => _rejected;

    public void Expect(int recipients)
    {
        _recipients = recipients;
        _rejected.Clear();
    }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        _rejected.Add((mailbox, response));
        if ((int)response.StatusCode < 500 || _rejected.Count >= _recipients)
        {
            base.OnRecipientNotAccepted(message, mailbox, response);
        }
    }
}
