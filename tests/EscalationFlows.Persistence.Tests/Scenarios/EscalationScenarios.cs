using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Hosting;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>
/// The escalation store on each provider (ADR 0005): an escalation step's record, timeline, communications and mail
/// outbox message commit in the burst's own transaction, and an effect that cannot apply rolls the whole burst back.
/// </summary>
public abstract class EscalationScenarios : ScenarioBase
{
    protected EscalationScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    private static void Escalations(IServiceCollection services)
    {
        services.AddEscalationsModule();
        services.AddEscalationFlowsSlaStore();
        services.AddEscalationFlowsEscalationStore();
    }

    private static Flow Opening(string id, string escalationId) => new Flow(id)
        .Add("start", "Start")
        .Add("open", "Escalations.Open", Literal("escalationId", escalationId), Literal("client", "Acme"), Literal("clientEmail", "it-lead@acme.example"),
            Literal("title", "Portal down"), Literal("impact", 2), Literal("urgency", 2), Literal("triggerReason", "client-request"));

    [Fact]
    public async Task An_escalation_step_writes_record_timeline_communications_and_mail_in_the_bursts_commit()
    {
        await using var env = await OpenAsync(Escalations);
        await env.Node.PublishAsync(Opening("esc-flow", "esc-1")
            .Add("notify", "Escalations.Notify", Literal("escalationId", "esc-1"), Literal("audience", "client"), Literal("channel", "email"),
                Literal("subject", "{{ escalation.number }}: we are on it"), Literal("body", "Hello {{ escalation.client }}, we work on '{{ escalation.title }}'."))
            .Add("wait", "WaitForEvent", Literal("eventName", "go"))
            .Add("end", "End")
            .Connect("start", "open")
            .Connect("open", "notify", "Opened")
            .Chain("notify", "wait", "end").Json);
        var commitsBefore = env.Node.Diagnostics.Commits;

        var run = await env.Node.StartAsync("esc-flow");

        Assert.True(run.Status == WorkflowStatus.Suspended, $"{run.Status}: {string.Join("; ", run.Incidents.Select(i => i.Message))}");
        Assert.Equal(1, env.Node.Diagnostics.Commits - commitsBefore);
        await using var db = env.Node.CreateDbContext();
        var record = await db.Escalations.SingleAsync(Ct);
        Assert.Equal(("esc-1", 1L, "Acme", 3), (record.Id, record.Number, record.Client, record.Priority));
        var kinds = await db.EscalationTimeline.Where(t => t.EscalationId == "esc-1").OrderBy(t => t.Sequence).Select(t => t.Kind).ToListAsync(Ct);
        Assert.Equal("opened", kinds[0]);
        Assert.Contains("message-sent", kinds);
        var message = await db.EscalationCommunications.SingleAsync(Ct);
        Assert.Equal(("email", "client", "ESC-000001: we are on it"), (message.Channel, message.Audience, message.Subject));
        Assert.Contains("it-lead@acme.example", message.Recipients, StringComparison.Ordinal);
        var mail = await db.Outbox.SingleAsync(o => o.Kind == MailOutbox.Kind, Ct);
        var payload = MailPayload.FromJson(System.Text.Json.Nodes.JsonNode.Parse(mail.Payload));
        Assert.Equal(["it-lead@acme.example"], payload.To);
        Assert.Equal(("ESC-000001: we are on it", "Hello Acme, we work on 'Portal down'."), (payload.Subject, payload.TextBody));
    }

    [Fact]
    public async Task An_effect_that_cannot_apply_rolls_back_the_whole_burst()
    {
        await using var env = await OpenAsync(Escalations);
        await env.Node.PublishAsync(Opening("esc-bad", "esc-2")
            .Add("owner", "Escalations.UpdateRecord", Literal("escalationId", "esc-2"), Literal("escalationOwner", "no-such-user"), Template("reason", "test"))
            .Add("end", "End")
            .Connect("start", "open")
            .Connect("open", "owner", "Opened")
            .Chain("owner", "end").Json);
        var before = await CountAsync(env.Node);

        var error = await Record.ExceptionAsync(() => env.Node.StartAsync("esc-bad"));

        Assert.IsType<EscalationApplyException>(error, exactMatch: false);
        Assert.Contains("no-such-user", error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync(env.Node));
        await using var db = env.Node.CreateDbContext();
        Assert.Equal(0, await db.Escalations.CountAsync(Ct));
        Assert.Equal(0, await db.EscalationTimeline.CountAsync(Ct));
    }
}
