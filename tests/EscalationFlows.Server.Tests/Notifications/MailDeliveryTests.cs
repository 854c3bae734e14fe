using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Server.Notifications;
using EscalationFlows.Server.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.Extensions.Logging;
using static EscalationFlows.Server.Tests.Support.Flow;
using Flow = EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>
/// Mail from a published workflow through the real host: the burst commits the outbox message, the outbox dispatcher
/// (driven by the fake clock) hands it to the mail handler, MailKit sends it to a real SMTP server on 127.0.0.1.
/// </summary>
public sealed class MailDeliveryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private static Dictionary<string, string?> Settings(SmtpTestServer smtp) => new()
    {
        ["Mail:Smtp:Host"] = smtp.Host,
        ["Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:UseSsl"] = "false",
        ["Mail:From"] = "EscalationFlows <noreply@escalationflows.test>",
    };

    private static async Task<string> StartMailingWorkflowAsync(ServerFactory factory, string to, string? cc = null)
    {
        using var client = factory.CreateClient();
        var id = Ids.New("mail");
        var flow = new Flow(id)
            .Add("start", "Start")
            .Add("mail", SendMailTestActivity.TypeName,
                Literal("to", to),
                Literal("cc", cc ?? ""),
                Literal("subject", "Escalation ESC-42 needs you"),
                Literal("text", "The VPN outage at Client AG was escalated to your team.\nPlease take over."),
                Literal("html", "<p>The VPN outage at <b>Client AG</b> was escalated to your team.</p>"))
            .Add("end", "End")
            .Chain("start", "mail", "end");
        await (await client.PostJsonAsync("/api/workflow-definitions/import?publish=true", flow.Json)).ReadObjectAsync(HttpStatusCode.Created);
        var run = await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        return run["id"]!.GetValue<string>();
    }

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    private static async Task<OutboxRow> RowAsync(ServerFactory factory, Func<OutboxRow, bool> done, string what) =>
        (await ClockDriver.AdvanceUntilAsync(factory.Clock, Step,
            async () => (await OutboxRows.ReadAsync(factory.DatabaseFile, MailOutbox.Kind)).FirstOrDefault(),
            row => row is not null && done(row), what))!;

    private static int RetryWarnings(ServerFactory factory) =>
        factory.Logs.Entries.Count(l => l.Level == LogLevel.Warning && l.Message.Contains("failed; it will be retried", StringComparison.Ordinal));

    private static Task<OutboxRow> DeliveredRowAsync(ServerFactory factory) => RowAsync(factory, r => r.DeliveredAt is not null, "the mail's outbox row to be marked delivered");

    private static Task<IReadOnlyList<ReceivedMail>> MailsAsync(ServerFactory factory, SmtpTestServer smtp, int count) =>
        ClockDriver.AdvanceUntilAsync(factory.Clock, Step, () => Task.FromResult(smtp.Messages), m => m.Count >= count, $"{count} mails at the SMTP server");

    [Fact]
    public async Task A_workflow_mail_reaches_the_smtp_server_with_subject_bodies_recipients_and_the_outbox_id_as_message_id()
    {
        await using var smtp = await SmtpTestServer.StartAsync(TestContext.Current.CancellationToken);
        await using var factory = new ServerFactory(Settings(smtp), services => services.AddActivity<SendMailTestActivity>());
        var instanceId = await StartMailingWorkflowAsync(factory, "Ana Ruiz <ana@client.example>, ben@client.example", "lead@escalationflows.test");

        var row = await DeliveredRowAsync(factory);
        var mail = await smtp.WaitForAsync(m => m.Message.Subject == "Escalation ESC-42 needs you", Wait);

        Assert.Equal(instanceId, row.InstanceId);
        Assert.Equal($"{row.Id}@escalationflows", mail.MessageId);
        Assert.Equal(row.Id, mail.Message.Headers[MailMessageFactory.IdHeader]);
        Assert.Equal(["ana@client.example", "ben@client.example"], mail.Message.To.Mailboxes.Select(m => m.Address));
        Assert.Equal("Ana Ruiz", mail.Message.To.Mailboxes.First().Name);
        Assert.Equal(["lead@escalationflows.test"], mail.Message.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal(["ana@client.example", "ben@client.example", "lead@escalationflows.test"], mail.EnvelopeTo.Order(StringComparer.Ordinal));
        Assert.Equal("noreply@escalationflows.test", mail.EnvelopeFrom);
        Assert.Equal("EscalationFlows", mail.Message.From.Mailboxes.Single().Name);
        Assert.Equal("The VPN outage at Client AG was escalated to your team.\nPlease take over.", mail.Message.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal("<p>The VPN outage at <b>Client AG</b> was escalated to your team.</p>", mail.Message.HtmlBody!.TrimEnd());
        Assert.Equal("multipart/alternative", mail.Message.Body!.ContentType.MimeType);
        Assert.Equal(1, row.Attempts);
        // The host logs through Serilog, which quotes string values: match the pieces.
        Assert.Contains(factory.Logs.Entries, l => l.Message.StartsWith("Mail is sent via", StringComparison.Ordinal) && l.Message.Contains($"smtp {smtp.Host}:{smtp.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_redelivery_after_a_crash_between_sending_and_recording_carries_the_same_message_id()
    {
        await using var smtp = await SmtpTestServer.StartAsync(TestContext.Current.CancellationToken);
        await using var factory = new ServerFactory(Settings(smtp), services => services.AddActivity<SendMailTestActivity>());
        await StartMailingWorkflowAsync(factory, "ana@client.example");
        var row = await DeliveredRowAsync(factory);
        await smtp.WaitForCountAsync(1, Wait);

        await OutboxRows.ForgetDeliveryAsync(factory.DatabaseFile, row.Id);
        var mails = await MailsAsync(factory, smtp, 2);

        Assert.Equal(2, mails.Count);
        Assert.Equal(mails[0].MessageId, mails[1].MessageId);
        Assert.Equal(mails[0].Message.Headers[MailMessageFactory.IdHeader], mails[1].Message.Headers[MailMessageFactory.IdHeader]);
        Assert.Equal(mails[0].Message.Date, mails[1].Message.Date);
        Assert.Equal(2, (await DeliveredRowAsync(factory)).Attempts);
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_the_mail_waits_and_is_delivered_once_it_is_back()
    {
        await using var smtp = SmtpTestServer.Reserve();
        await using var factory = new ServerFactory(Settings(smtp), services => services.AddActivity<SendMailTestActivity>());
        await StartMailingWorkflowAsync(factory, "ana@client.example");

        // Attempts count claims, so "attempts >= 2" alone can be the second attempt still in flight: wait until two
        // failures were recorded (logged), so the next attempt is the first one that can reach the server.
        await ClockDriver.AdvanceUntilAsync(factory.Clock, Step, () => Task.FromResult(RetryWarnings(factory)), n => n >= 2, "two failed attempts logged");
        var failed = await RowAsync(factory, r => r.LastError is not null && r.Attempts >= 2, "two failed attempts");
        Assert.Null(failed.DeliveredAt);
        Assert.DoesNotContain(OutboxDeliveryRejectedPrefix, failed.LastError, StringComparison.Ordinal);
        Assert.True(failed.NextAttemptAt > ServerFactory.Epoch && failed.NextAttemptAt < DateTimeOffset.MaxValue, OutboxRows.Describe([failed]));
        Assert.Empty(smtp.Messages);

        await smtp.ListenAsync(TestContext.Current.CancellationToken);
        var mail = (await MailsAsync(factory, smtp, 1))[0];

        var row = await DeliveredRowAsync(factory);
        Assert.Equal($"{row.Id}@escalationflows", mail.MessageId);
        Assert.True(row.Attempts >= 3, OutboxRows.Describe([row]));
        Assert.Single(smtp.Messages);
        Assert.Contains(factory.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("failed; it will be retried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_recipient_the_server_rejects_for_good_is_not_retried_and_the_message_is_parked_as_failed()
    {
        await using var smtp = await SmtpTestServer.StartAsync(TestContext.Current.CancellationToken);
        smtp.Reject("gone@client.example");
        await using var factory = new ServerFactory(Settings(smtp), services => services.AddActivity<SendMailTestActivity>());
        await StartMailingWorkflowAsync(factory, "gone@client.example");

        var row = await RowAsync(factory, r => r.LastError is not null, "the rejected attempt");
        Assert.StartsWith(OutboxDeliveryRejectedPrefix, row.LastError, StringComparison.Ordinal);
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
        Assert.Contains("gone@client.example", row.LastError, StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.MaxValue.UtcTicks, row.NextAttemptAt.UtcTicks);
        Assert.Null(row.DeliveredAt);

        // An hour later it was not tried again: a mail sent after that hour (delivered by the same dispatcher, which
        // claims every due message) is the only other attempt the SMTP server saw.
        for (var i = 0; i < 12; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        await StartMailingWorkflowAsync(factory, "ana@client.example");
        await MailsAsync(factory, smtp, 1);

        Assert.Equal(2, smtp.RecipientAttempts);
        var rows = await OutboxRows.ReadAsync(factory.DatabaseFile, MailOutbox.Kind);
        Assert.Equal(1, rows.Single(r => r.Id == row.Id).Attempts);
        Assert.Single(smtp.Messages);
        Assert.Contains(factory.Logs.Entries, l => l.Level == LogLevel.Error && l.Message.Contains("was rejected; it will not be retried", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_an_smtp_host_mails_are_logged_and_counted_delivered_and_startup_says_so()
    {
        await using var factory = new ServerFactory(services: services => services.AddActivity<SendMailTestActivity>());
        await StartMailingWorkflowAsync(factory, "ana@client.example");

        var row = await DeliveredRowAsync(factory);

        Assert.Contains(factory.Logs.Entries, l => l.Level == LogLevel.Warning && l.Message.Contains("Mail:Smtp:Host is not set", StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Entries, l => l.Message.EndsWith("(log transport, not sent)", StringComparison.Ordinal)
            && l.Message.Contains($"{row.Id}@escalationflows", StringComparison.Ordinal)
            && l.Message.Contains("ana@client.example", StringComparison.Ordinal)
            && l.Message.Contains("Escalation ESC-42 needs you", StringComparison.Ordinal));
    }

    private const string OutboxDeliveryRejectedPrefix = Engine.Runtime.OutboxDeliveryRejectedException.ErrorPrefix;
}
