using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>Durable timers: leases, reclaiming after a crash, and exactly-once firing across nodes.</summary>
public abstract class TimerScenarios : ScenarioBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    protected TimerScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    [Fact]
    public async Task Due_timers_are_leased_and_reclaimed_only_after_the_lease_expired()
    {
        await using var env = await OpenAsync();
        var store = env.Node.Store;
        var now = env.Clock.GetUtcNow();
        await store.ScheduleTimerAsync(new ScheduledTimer("late", "sla", now.AddMinutes(-1), new JsonObject { ["level"] = 2 }, "instance-1"), Ct);
        await store.ScheduleTimerAsync(new ScheduledTimer("due", "sla", now, null), Ct);
        await store.ScheduleTimerAsync(new ScheduledTimer("future", "sla", now.AddHours(1), null), Ct);
        Assert.Equal(now.AddMinutes(-1), await store.GetNextTimerDueAsync(Ct));

        var claimed = await store.ClaimDueTimersAsync(now, 10, "node-a", Lease, Ct);
        Assert.Equal(["late", "due"], claimed.Select(t => t.Id));
        var late = claimed[0];
        Assert.Equal(("sla", "instance-1", (string?)null, now.AddMinutes(-1), 1, """{"level":2}"""),
            (late.Kind, late.InstanceId, late.BookmarkId, late.DueAt, late.Attempts, late.Payload!.ToJsonString()));

        Assert.Empty(await store.ClaimDueTimersAsync(now, 10, "node-b", Lease, Ct));
        env.Clock.Advance(Lease);
        Assert.Empty(await store.ClaimDueTimersAsync(env.Clock.GetUtcNow(), 10, "node-b", Lease, Ct));

        env.Clock.Advance(TimeSpan.FromSeconds(1));
        var reclaimed = await store.ClaimDueTimersAsync(env.Clock.GetUtcNow(), 10, "node-b", Lease, Ct);
        Assert.Equal([("late", 2), ("due", 2)], reclaimed.Select(t => (t.Id, t.Attempts)));
        await using (var db = env.Node.CreateDbContext())
        {
            Assert.All(await db.Timers.Where(t => t.Id != "future").ToListAsync(Ct), t => Assert.Equal("node-b", t.LeaseOwner));
        }

        await store.CompleteTimerAsync("late", Ct);
        await store.ScheduleTimerAsync(new ScheduledTimer("due", "sla", now.AddHours(2), null), Ct);
        await store.CancelTimerAsync("future", Ct);
        Assert.Equal(now.AddHours(2), await store.GetNextTimerDueAsync(Ct));
        env.Clock.Advance(TimeSpan.FromHours(3));
        var moved = Assert.Single(await store.ClaimDueTimersAsync(env.Clock.GetUtcNow(), 10, "node-a", Lease, Ct));
        Assert.Equal(("due", 1), (moved.Id, moved.Attempts));

        await store.CompleteTimerAsync("due", Ct);
        Assert.Null(await store.GetNextTimerDueAsync(Ct));
    }

    [Fact]
    public async Task A_timer_moved_after_its_claim_is_kept_when_the_claim_completes()
    {
        await using var env = await OpenAsync();
        var store = env.Node.Store;
        var now = env.Clock.GetUtcNow();
        await store.ScheduleTimerAsync(new ScheduledTimer("moving", "sla", now, null), Ct);
        Assert.Single(await store.ClaimDueTimersAsync(now, 10, "node-a", Lease, Ct));

        // While node-a fires it, its owner moves it (a threshold rescheduled after a pause): the newer schedule wins.
        await store.ScheduleTimerAsync(new ScheduledTimer("moving", "sla", now.AddHours(1), null), Ct);
        await store.CompleteTimerAsync("moving", Ct);

        Assert.Equal(now.AddHours(1), await store.GetNextTimerDueAsync(Ct));
        env.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Single(await store.ClaimDueTimersAsync(env.Clock.GetUtcNow(), 10, "node-a", Lease, Ct));
        await store.CompleteTimerAsync("moving", Ct);
        Assert.Null(await store.GetNextTimerDueAsync(Ct));
    }

    [Fact]
    public async Task A_time_with_an_offset_is_stored_as_the_same_instant_and_read_back_in_UTC()
    {
        await using var env = await OpenAsync();
        var store = env.Node.Store;
        var local = new DateTimeOffset(2026, 11, 30, 11, 0, 0, TimeSpan.FromHours(2));
        await store.ScheduleTimerAsync(new ScheduledTimer("tz", "sla", local, null), Ct);

        Assert.Empty(await store.ClaimDueTimersAsync(TestEnvironment.Start.AddTicks(-10), 10, "a", Lease, Ct));
        var claimed = Assert.Single(await store.ClaimDueTimersAsync(TestEnvironment.Start, 10, "a", Lease, Ct));

        Assert.Equal(local, claimed.DueAt);
        Assert.Equal(TimeSpan.Zero, claimed.DueAt.Offset);
    }

    [Fact]
    public async Task A_claim_takes_at_most_the_batch_size_earliest_first()
    {
        await using var env = await OpenAsync();
        var store = env.Node.Store;
        var now = env.Clock.GetUtcNow();
        for (var i = 5; i >= 1; i--)
        {
            await store.ScheduleTimerAsync(new ScheduledTimer($"t{i}", "sla", now.AddSeconds(-i), null), Ct);
        }

        Assert.Equal(["t5", "t4"], (await store.ClaimDueTimersAsync(now, 2, "a", Lease, Ct)).Select(t => t.Id));
        Assert.Equal(["t3", "t2", "t1"], (await store.ClaimDueTimersAsync(now, 10, "a", Lease, Ct)).Select(t => t.Id));
        Assert.Empty(await store.ClaimDueTimersAsync(now, 0, "a", Lease, Ct));
    }

    [Fact]
    public async Task A_timer_bookmark_gets_a_timer_row_that_goes_away_with_the_bookmark()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.Timer("cancel-me", "PT10M"));
        var run = await node.StartAsync("cancel-me");
        var bookmark = run.Bookmarks.Single();

        await using (var db = node.CreateDbContext())
        {
            var row = await db.Timers.SingleAsync(Ct);
            Assert.Equal((bookmark.Id, TimerKinds.Bookmark, run.InstanceId, bookmark.Id, TestEnvironment.Start.AddMinutes(10)),
                (row.Id, row.Kind, row.InstanceId, row.BookmarkId, row.DueAt));
        }

        await node.Runtime.CancelAsync(run.InstanceId, "test", Ct);

        await using (var db = node.CreateDbContext())
        {
            Assert.Equal(0, await db.Timers.CountAsync(Ct));
        }

        Assert.Equal(BookmarkState.Cancelled, (await node.Store.GetBookmarkAsync(bookmark.Id, Ct))!.State);
        env.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await node.DrainTimersAsync());
    }

    [Fact]
    public async Task A_timer_whose_lease_expired_is_fired_by_another_node_exactly_once()
    {
        await using var env = await OpenAsync();
        var nodeA = env.Node;
        var nodeB = env.AddNode("node-b");
        await nodeA.PublishAsync(Flows.Timer("crash", "PT1M"));
        var run = await nodeA.StartAsync("crash");
        var bookmarkId = run.Bookmarks.Single().Id;
        env.Clock.Advance(TimeSpan.FromMinutes(1));

        // node-a claims the timer and dies before firing it.
        var claimed = Assert.Single(await nodeA.Store.ClaimDueTimersAsync(env.Clock.GetUtcNow(), 10, "node-a", Lease, Ct));
        Assert.Equal(bookmarkId, claimed.BookmarkId);
        Assert.Equal(0, await nodeB.DrainTimersAsync());

        env.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await nodeB.DrainTimersAsync());
        Assert.Equal(WorkflowStatus.Finished, (await nodeB.StateAsync(run.InstanceId)).Status);

        // node-a comes back and fires its stale claim: the bookmark is already consumed.
        await Assert.ThrowsAsync<BookmarkConflictException>(() => nodeA.Runtime.ResumeAsync(bookmarkId, null, cancellationToken: Ct));
        Assert.Single(await nodeA.JournalAsync(run.InstanceId), j => j.Event == JournalEvents.ActivityResumed);
        Assert.Null(await nodeA.Store.GetNextTimerDueAsync(Ct));
    }

    [Fact]
    public async Task Two_nodes_draining_a_thousand_due_timers_fire_each_exactly_once()
    {
        const int count = 1_000;
        await using var env = await OpenAsync();
        var nodeA = env.Node;
        var nodeB = env.AddNode("node-b");
        await nodeA.PublishAsync(Flows.Timer("thousand", "PT1M"));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Ct },
            async (_, _) => await nodeA.StartAsync("thousand"));
        env.Clock.Advance(TimeSpan.FromMinutes(2));

        var drained = await Task.WhenAll(Task.Run(nodeA.DrainTimersAsync, Ct), Task.Run(nodeB.DrainTimersAsync, Ct));

        Assert.Equal(count, drained.Sum());
        await using var db = nodeA.CreateDbContext();
        Assert.Equal(0, await db.Timers.CountAsync(Ct));
        Assert.Equal(count, await db.Instances.CountAsync(i => i.Status == WorkflowStatus.Finished, Ct));
        var resumes = await db.Journal.Where(j => j.Event == JournalEvents.ActivityResumed)
            .GroupBy(j => j.InstanceId)
            .Select(g => g.Count())
            .ToListAsync(Ct);
        Assert.Equal(count, resumes.Count);
        Assert.All(resumes, n => Assert.Equal(1, n));
        Assert.Equal(count, await db.Bookmarks.CountAsync(b => b.State == BookmarkState.Consumed, Ct));
    }
}
