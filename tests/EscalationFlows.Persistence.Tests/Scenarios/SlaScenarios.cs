using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Hosting;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Runtime;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Tickets;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>
/// The SLA store on each provider: a clock and its threshold timers commit in one transaction, a threshold fires once
/// even when two nodes drain the timers, a stale timer claimed before a pause publishes nothing and does not delete its
/// moved row, and concurrent registrations of one ticket converge on one row.
/// </summary>
public abstract class SlaScenarios : ScenarioBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected SlaScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    private static void Sla(IServiceCollection services)
    {
        services.AddEscalationsModule();
        services.AddEscalationFlowsSlaStore();
    }

    private async Task<TestEnvironment> OpenSlaAsync()
    {
        var env = await OpenAsync(Sla);
        await env.Node.Services.GetRequiredService<SlaMaintenance>().PrepareAsync(Ct);
        return env;
    }

    private static Task<TicketChange> RegisterAsync(TestNode node, string externalId, DateTimeOffset now, string status = TicketStatuses.InProgress) =>
        node.Services.GetRequiredService<ISlaStore>().ExecuteAsync((session, ct) => node.Services.GetRequiredService<SlaClockService>().RegisterTicketAsync(session,
            new TicketRegistration
            {
                Source = "test",
                ExternalId = externalId,
                Client = "Acme",
                Priority = 1,
                OpenedAt = now,
                Title = externalId,
                Status = status,
            }, $"ticket-{externalId}", now, ct), Ct);

    private static async Task<List<string>> SlaTimerIdsAsync(TestNode node)
    {
        await using var db = node.CreateDbContext();
        return await db.Timers.Where(t => t.Kind == "sla.threshold").OrderBy(t => t.DueAt).Select(t => t.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_ticket_and_its_threshold_timers_commit_together_and_each_threshold_fires_once_across_two_nodes()
    {
        await using var env = await OpenSlaAsync();
        var nodeA = env.Node;
        var nodeB = env.AddNode("node-b", Sla);
        await nodeA.PublishAsync(Flows.Triggered("on-sla", "sla.threshold"));
        var ticket = (await RegisterAsync(nodeA, "T-1", env.Clock.GetUtcNow())).Ticket;
        Assert.Equal(["sla/ticket-T-1/resolution/50", "sla/ticket-T-1/resolution/75", "sla/ticket-T-1/resolution/90", "sla/ticket-T-1/resolution/100"],
            await SlaTimerIdsAsync(nodeA));

        // P1 resolution 4 h in business hours (UTC, Mon–Fri 09:00–17:00): 50 % and 75 % are due by 12:00.
        env.Clock.Advance(TimeSpan.FromHours(3));
        var drained = await Task.WhenAll(Task.Run(nodeA.DrainTimersAsync, Ct), Task.Run(nodeB.DrainTimersAsync, Ct));

        Assert.Equal(2, drained.Sum());
        await using var db = nodeA.CreateDbContext();
        Assert.Equal(2, await db.Instances.CountAsync(i => i.DefinitionId == "on-sla" && i.CorrelationId == ticket.Id, Ct));
        var events = await db.Outbox.Where(o => o.Kind == SlaClockService.OutboxKind).ToListAsync(Ct);
        Assert.Equal(["sla-event/sla/ticket-T-1/resolution/50", "sla-event/sla/ticket-T-1/resolution/75"], events.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.All(events, e => Assert.NotNull(e.DeliveredAt));
        Assert.Equal(["sla/ticket-T-1/resolution/90", "sla/ticket-T-1/resolution/100"], await SlaTimerIdsAsync(nodeA));
        var clock = await db.SlaClocks.AsNoTracking().SingleAsync(c => c.SubjectId == ticket.Id && c.Metric == "resolution", Ct);
        Assert.Equal(("running", 3L), (clock.Status, clock.Revision));
        Assert.Equal(env.Clock.GetUtcNow().AddMinutes(36), clock.NextDueAt);
    }

    [Fact]
    public async Task A_timer_claimed_before_a_pause_publishes_nothing_and_keeps_the_row_the_resume_moved()
    {
        await using var env = await OpenSlaAsync();
        var node = env.Node;
        var store = node.Services.GetRequiredService<ISlaStore>();
        var service = node.Services.GetRequiredService<SlaClockService>();
        var ticket = (await RegisterAsync(node, "T-2", env.Clock.GetUtcNow())).Ticket;

        // 11:00: a node claims the 50 % timer, then stalls before firing it.
        env.Clock.Advance(TimeSpan.FromHours(2));
        var claimed = (await node.Store.ClaimDueTimersAsync(env.Clock.GetUtcNow(), 10, "stalled-node", Lease, Ct)).Single();
        Assert.Equal("sla/ticket-T-2/resolution/50", claimed.Id);

        // Meanwhile the ticket was paused since 10:00 (reported late) and resumed now: 50 % is due again at 12:00.
        await store.ExecuteAsync((s, ct) => service.UpdateTicketAsync(s, ticket.Id, new TicketUpdate { Status = TicketStatuses.AwaitingClient, At = env.Clock.GetUtcNow().AddHours(-1) }, env.Clock.GetUtcNow(), ct), Ct);
        await store.ExecuteAsync((s, ct) => service.UpdateTicketAsync(s, ticket.Id, new TicketUpdate { Status = TicketStatuses.InProgress }, env.Clock.GetUtcNow(), ct), Ct);

        // The stalled node fires its claim as the runtime would: handler, then completion.
        var handler = node.Services.GetServices<ITimerHandler>().OfType<SlaThresholdTimerHandler>().Single();
        await handler.HandleAsync(claimed, Ct);
        await node.Store.CompleteTimerAsync(claimed.Id, Ct);

        await using var db = node.CreateDbContext();
        Assert.Equal(0, await db.Outbox.CountAsync(o => o.Kind == SlaClockService.OutboxKind, Ct));
        var row = await db.Timers.AsNoTracking().SingleAsync(t => t.Id == claimed.Id, Ct);
        Assert.Equal((env.Clock.GetUtcNow().AddHours(1), (string?)null), (row.DueAt, row.LeaseOwner));

        env.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await node.DrainTimersAsync());
        Assert.Equal(1, await db.Outbox.CountAsync(o => o.Kind == SlaClockService.OutboxKind, Ct));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_ticket_make_one_row_and_one_set_of_clocks()
    {
        await using var env = await OpenSlaAsync();
        var nodeB = env.AddNode("node-b", Sla);
        var now = env.Clock.GetUtcNow();
        var nodes = new[] { env.Node, nodeB };

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            nodes[i % 2].Services.GetRequiredService<ISlaStore>().ExecuteAsync((session, ct) => nodes[i % 2].Services.GetRequiredService<SlaClockService>()
                .RegisterTicketAsync(session, new TicketRegistration
                {
                    Source = "zendesk",
                    ExternalId = "Z-1",
                    Client = "Acme",
                    Priority = 2,
                    OpenedAt = now,
                    Title = "Printer on fire",
                }, $"ticket-{i}", now, ct), Ct), Ct)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Ticket.Id).Distinct());
        await using var db = env.Node.CreateDbContext();
        Assert.Equal(1, await db.Tickets.CountAsync(Ct));
        Assert.Equal(2, await db.SlaClocks.CountAsync(Ct));
        Assert.Equal(8, (await SlaTimerIdsAsync(env.Node)).Count);
    }

    [Fact]
    public async Task An_invalid_ticket_or_policy_writes_nothing()
    {
        await using var env = await OpenSlaAsync();
        var store = env.Node.Services.GetRequiredService<ISlaStore>();
        var service = env.Node.Services.GetRequiredService<SlaClockService>();
        var now = env.Clock.GetUtcNow();

        var ticket = await Assert.ThrowsAsync<SlaDefinitionException>(() => store.ExecuteAsync((s, ct) =>
            service.RegisterTicketAsync(s, new TicketRegistration { Source = "x", ExternalId = "1", Client = "c", Priority = 1, OpenedAt = now, Title = "t", PolicyId = "missing" }, "t-1", now, ct), Ct));
        Assert.Equal("/policyId", Assert.Single(ticket.Errors).Pointer);

        await using var db = env.Node.CreateDbContext();
        Assert.Equal((0, 0, 0), (await db.Tickets.CountAsync(Ct), await db.SlaClocks.CountAsync(Ct), await db.Timers.CountAsync(Ct)));
        Assert.Equal(1, await db.SlaPolicies.CountAsync(Ct));
        Assert.Equal(2, await db.SlaCalendars.CountAsync(Ct));
    }
}
