using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>The outbox: written with the burst, delivered at least once under leases, retried after failures.</summary>
public abstract class OutboxScenarios : ScenarioBase
{
    private static readonly TimeSpan OutboxLease = new RuntimeOptions().OutboxLease;

    protected OutboxScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    [Fact]
    public async Task A_message_leased_by_a_dead_dispatcher_is_delivered_after_the_lease_expires()
    {
        var handler = new RecordingOutboxHandler();
        await using var env = await OpenAsync(services => services.AddActivity<NotifyActivity>().AddSingleton<IOutboxHandler>(handler));
        var node = env.Node;
        await node.PublishAsync(Flows.Notify("mail"));
        var run = await node.StartAsync("mail");

        var leased = Assert.Single(await node.Store.ClaimOutboxAsync(env.Clock.GetUtcNow(), 10, "dead-node", OutboxLease, null, Ct));
        Assert.Equal((NotifyActivity.Kind, run.InstanceId, "hello"), (leased.Kind, leased.InstanceId, leased.Payload["text"]!.GetValue<string>()));
        Assert.Equal(1, leased.Attempts);
        Assert.Equal(0, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        Assert.Empty(handler.Delivered);

        env.Clock.Advance(OutboxLease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        Assert.Equal(0, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));

        var delivered = Assert.Single(handler.Delivered);
        Assert.Equal((leased.Id, 2), (delivered.Id, delivered.Attempts));
        await using var db = node.CreateDbContext();
        var row = await db.Outbox.SingleAsync(Ct);
        Assert.Equal((2, env.Clock.GetUtcNow(), (string?)null, (DateTimeOffset?)null), (row.Attempts, row.DeliveredAt, row.LeaseOwner, row.LeaseUntil));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_after_its_backoff_and_keeps_the_error()
    {
        var handler = new RecordingOutboxHandler();
        handler.FailNext(1);
        await using var env = await OpenAsync(services => services.AddActivity<NotifyActivity>().AddSingleton<IOutboxHandler>(handler));
        var node = env.Node;
        await node.PublishAsync(Flows.Notify("retry-mail"));
        await node.StartAsync("retry-mail");

        Assert.Equal(1, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        Assert.Empty(handler.Delivered);
        await using (var db = node.CreateDbContext())
        {
            var failed = await db.Outbox.SingleAsync(Ct);
            Assert.Equal(("The mail server is down (test).", (DateTimeOffset?)null, (DateTimeOffset?)null, 1), (failed.LastError, failed.LeaseUntil, failed.DeliveredAt, failed.Attempts));
            Assert.True(failed.NextAttemptAt > env.Clock.GetUtcNow());
        }

        Assert.Equal(0, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        env.Clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(1, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        Assert.Single(handler.Delivered);
        Assert.Equal(0, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
    }

    [Fact]
    public async Task A_rejected_delivery_is_parked_with_its_error_and_never_claimed_again()
    {
        await using var env = await OpenAsync(services => services.AddActivity<NotifyActivity>().AddSingleton<IOutboxHandler>(new RejectingOutboxHandler()));
        var node = env.Node;
        await node.PublishAsync(Flows.Notify("rejected-mail"));
        await node.StartAsync("rejected-mail");

        Assert.Equal(1, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        env.Clock.Advance(TimeSpan.FromDays(3650));
        Assert.Equal(0, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        Assert.Empty(await node.Store.ClaimOutboxAsync(env.Clock.GetUtcNow(), 10, "other-node", OutboxLease, null, Ct));

        await using var db = node.CreateDbContext();
        var row = await db.Outbox.SingleAsync(Ct);
        Assert.Equal(("rejected: no such mailbox (test)", (DateTimeOffset?)null, (DateTimeOffset?)null, 1), (row.LastError, row.DeliveredAt, row.LeaseUntil, row.Attempts));
        Assert.Equal(OutboxDeliveryRejectedException.Never, row.NextAttemptAt);
    }

    [Fact]
    public async Task Claims_filter_by_kind_and_a_single_message_is_claimed_by_one_owner_at_a_time()
    {
        await using var env = await OpenAsync(services => services.AddActivity<NotifyActivity>());
        var node = env.Node;
        var store = node.Store;
        await node.PublishAsync(Flows.Notify("claims"));
        await node.StartAsync("claims");
        var now = env.Clock.GetUtcNow();

        Assert.Empty(await store.ClaimOutboxAsync(now, 10, "a", OutboxLease, ["other.kind"], Ct));
        Assert.Empty(await store.ClaimOutboxAsync(now, 10, "a", OutboxLease, [], Ct));
        Assert.Empty(await store.ClaimOutboxAsync(now, 0, "a", OutboxLease, null, Ct));
        await using var db = node.CreateDbContext();
        var id = (await db.Outbox.SingleAsync(Ct)).Id;

        Assert.True(await store.TryClaimOutboxMessageAsync(id, now, "a", OutboxLease, Ct));
        Assert.False(await store.TryClaimOutboxMessageAsync(id, now, "b", OutboxLease, Ct));
        Assert.Empty(await store.ClaimOutboxAsync(now, 10, "b", OutboxLease, [NotifyActivity.Kind], Ct));

        var later = now + OutboxLease + TimeSpan.FromSeconds(1);
        Assert.True(await store.TryClaimOutboxMessageAsync(id, later, "b", OutboxLease, Ct));
        await store.MarkOutboxDeliveredAsync(id, later, Ct);
        Assert.False(await store.TryClaimOutboxMessageAsync(id, later.AddHours(1), "c", OutboxLease, Ct));
        Assert.Empty(await store.ClaimOutboxAsync(later.AddHours(1), 10, "c", OutboxLease, null, Ct));
        Assert.False(await store.TryClaimOutboxMessageAsync("no-such-message", now, "a", OutboxLease, Ct));
    }

    /// <summary>Rejects every message for good (a mailbox that does not exist).</summary>
    private sealed class RejectingOutboxHandler : IOutboxHandler
    {
        public string Kind => NotifyActivity.Kind;

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            throw new OutboxDeliveryRejectedException("no such mailbox (test)");
    }
}
