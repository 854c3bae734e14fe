using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Server.Notifications;
using EscalationFlows.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static EscalationFlows.Server.Tests.Support.Flow;
using Flow = EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>
/// The mail handler under <see cref="WorkflowRuntime.ProcessOutboxAsync"/> without a host: a burst of a published
/// workflow commits the mail with the instance, and each call of ProcessOutboxAsync (on a fake clock) is one
/// delivery round, so retries and rejections are observed exactly.
/// </summary>
public sealed class MailOutboxRuntimeTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
    private SmtpTestServer _smtp = null!;
    private ServiceProvider _services = null!;

    private WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public async ValueTask InitializeAsync()
    {
        _smtp = SmtpTestServer.Reserve();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = _smtp.Host,
            ["Mail:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:UseSsl"] = "false",
            ["Mail:From"] = "noreply@escalationflows.test",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_clock);
        services.AddWorkflowEngine();
        services.AddInMemoryWorkflowStores();
        services.AddActivity<SendMailTestActivity>();
        services.AddEscalationFlowsMail(configuration);
        _services = services.BuildServiceProvider();

        var flow = new Flow("mailing")
            .Add("start", "Start")
            .Add("mail", SendMailTestActivity.TypeName, Literal("to", "ana@client.example, gone@client.example"), Literal("subject", "SLA at 75 %"),
                Literal("text", "Escalation ESC-7 has used 75 % of its resolution time."))
            .Add("end", "End")
            .Chain("start", "mail", "end");
        var read = _services.GetRequiredService<WorkflowDefinitionReader>().Read(flow.Json);
        Assert.Empty(read.Errors);
        _services.GetRequiredService<InMemoryWorkflowDefinitionStore>().Publish(read.Definition!);
        await Task.CompletedTask;
    }

    private async Task StartAsync()
    {
        var run = await Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = "mailing" }, TestContext.Current.CancellationToken);
        Assert.Equal(Engine.Execution.WorkflowStatus.Finished, run.Status);
    }

    [Fact]
    public async Task A_committed_mail_is_sent_by_process_outbox_retried_while_smtp_is_down_and_sent_once_it_is_up()
    {
        await StartAsync();

        // Down: the round claims the mail, the connection is refused, the message is due again in 5 s.
        Assert.Equal(1, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(0, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(_smtp.Messages);

        await _smtp.ListenAsync(TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));

        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal("SLA at 75 %", mail.Message.Subject);
        Assert.Equal(["ana@client.example", "gone@client.example"], mail.EnvelopeTo);
        Assert.Equal(mail.Message.Headers[MailMessageFactory.IdHeader] + "@escalationflows", mail.MessageId);
        Assert.Equal("text/plain", mail.Message.Body!.ContentType.MimeType);
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_temporary_rejection_is_retried_and_a_permanently_rejected_recipient_is_skipped_when_others_accept()
    {
        await _smtp.ListenAsync(TestContext.Current.CancellationToken);
        _smtp.Reject("ana@client.example", SmtpRejection.Temporary);
        await StartAsync();

        Assert.Equal(1, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(_smtp.Messages);

        _smtp.Reject("ana@client.example", SmtpRejection.None);
        _smtp.Reject("gone@client.example", SmtpRejection.Permanent);
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));

        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal(["ana@client.example"], mail.EnvelopeTo);
        Assert.Equal(["ana@client.example", "gone@client.example"], mail.Message.To.Mailboxes.Select(m => m.Address));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task When_every_recipient_is_rejected_for_good_the_mail_is_never_tried_again()
    {
        await _smtp.ListenAsync(TestContext.Current.CancellationToken);
        _smtp.Reject("ana@client.example");
        _smtp.Reject("gone@client.example");
        await StartAsync();

        Assert.Equal(1, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        var attempts = _smtp.RecipientAttempts;
        _clock.Advance(TimeSpan.FromDays(365));

        Assert.Equal(0, await Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(attempts, _smtp.RecipientAttempts);
        Assert.Empty(_smtp.Messages);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
