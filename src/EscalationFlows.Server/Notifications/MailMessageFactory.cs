using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Notifications;
using MimeKit;

namespace EscalationFlows.Server.Notifications;

/// <summary>
/// Builds the MIME message of a mail outbox message: Message-ID <c>&lt;{outbox id}@escalationflows&gt;</c>, the same id in
/// <see cref="IdHeader"/>, the Date of the outbox message (so every redelivery is the same mail, byte for byte apart
/// from transport headers), the text body and, when there is one, the HTML alternative.
/// </summary>
public static class MailMessageFactory
{
    public const string IdHeader = "X-EscalationFlows-Message-Id";

    public const string MessageIdDomain = "escalationflows";

    public static MimeMessage Create(OutboxMessage outbox, MailPayload payload, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(payload);
        var to = Parse("to", payload.To);
        var cc = Parse("cc", payload.Cc);
        var replyTo = payload.ReplyTo is { } address ? Parse("replyTo", [address]) : [];
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.AddRange(to);
        message.Cc.AddRange(cc);
        message.ReplyTo.AddRange(replyTo);

        message.Subject = payload.Subject;
        message.MessageId = $"{outbox.Id}@{MessageIdDomain}";
        message.Headers.Add(IdHeader, outbox.Id);
        message.Date = outbox.CreatedAt;
        message.Body = new BodyBuilder { TextBody = payload.TextBody, HtmlBody = payload.HtmlBody }.ToMessageBody();
        return message;
    }

    private static List<MailboxAddress> Parse(string field, IReadOnlyList<string> addresses)
    {
        var parsed = new List<MailboxAddress>(addresses.Count);
        foreach (var address in addresses)
        {
            if (!MailboxAddress.TryParse(address, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
            {
                throw new MailPayloadException(field, $"'{address}' in '{field}' is not a mail address.");
            }

            parsed.Add(mailbox);
        }

        return parsed;
    }
}
