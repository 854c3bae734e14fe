using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Server.Notifications;
using EscalationFlows.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>The handler on its own, given outbox messages, against a real SMTP server.</summary>
public sealed class MailOutboxHandlerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static MailOutboxHandler Handler(SmtpTestServer smtp)
    {
        var options = new MailOptions { Host = smtp.Host, Port = smtp.Port, Security = MailKit.Security.SecureSocketOptions.None, From = "Desk <desk@escalationflows.test>" };
        return new MailOutboxHandler(new SmtpMailTransport(options, NullLogger<SmtpMailTransport>.Instance), options, NullLogger<MailOutboxHandler>.Instance);
    }

    private static OutboxMessage Message(string id, JsonNode payload) => new()
    {
        Id = id,
        InstanceId = "instance-1",
        Kind = MailOutbox.Kind,
        Payload = payload,
        CreatedAt = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Delivering_the_same_message_twice_sends_two_mails_with_one_message_id_and_date()
    {
        await using var smtp = await SmtpTestServer.StartAsync(TestContext.Current.CancellationToken);
        var handler = Handler(smtp);
        var message = Message("0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4", new MailPayload(["ana@client.example"], [], "Subject ü", "Text", null, "desk-replies@escalationflows.test").ToJson());

        await handler.DeliverAsync(message, TestContext.Current.CancellationToken);
        await handler.DeliverAsync(message, TestContext.Current.CancellationToken);

        var mails = await smtp.WaitForCountAsync(2, Wait);
        Assert.All(mails, m => Assert.Equal("0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4@escalationflows", m.MessageId));
        Assert.All(mails, m => Assert.Equal("0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4", m.Message.Headers[MailMessageFactory.IdHeader]));
        Assert.All(mails, m => Assert.Equal(message.CreatedAt, m.Message.Date));
        Assert.Equal("Subject ü", mails[0].Message.Subject);
        Assert.Equal(["desk-replies@escalationflows.test"], mails[0].Message.ReplyTo.Mailboxes.Select(m => m.Address));
        Assert.Equal("desk@escalationflows.test", mails[0].EnvelopeFrom);
    }

    public static TheoryData<string, string> Unsendable => new()
    {
        { """{"to":[],"subject":"s","textBody":"t"}""", "'to'" },
        { """{"to":["not an address"],"subject":"s","textBody":"t"}""", "'not an address'" },
        { """{"to":["a@b.example"],"textBody":"t"}""", "'subject'" },
        { """{"to":["a@b.example"],"subject":"s","textBody":42}""", "'textBody'" },
        { """{"to":"a@b.example","subject":"s","textBody":"t"}""", "'to'" },
        { "[]", "JSON object" },
    };

    [Theory]
    [MemberData(nameof(Unsendable))]
    public async Task A_payload_that_can_never_be_a_mail_is_rejected_naming_the_field(string payload, string named)
    {
        await using var smtp = await SmtpTestServer.StartAsync(TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<OutboxDeliveryRejectedException>(() => Handler(smtp).DeliverAsync(Message("m1", JsonNode.Parse(payload)!), TestContext.Current.CancellationToken));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, smtp.RecipientAttempts);
    }

    [Fact]
    public async Task A_refused_connection_is_a_transient_failure()
    {
        await using var smtp = SmtpTestServer.Reserve();

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Handler(smtp).DeliverAsync(
            Message("m2", new MailPayload(["ana@client.example"], [], "s", "t").ToJson()), TestContext.Current.CancellationToken));

        Assert.IsNotType<OutboxDeliveryRejectedException>(error);
    }
}
