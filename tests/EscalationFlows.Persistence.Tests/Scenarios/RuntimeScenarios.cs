using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.EntityFrameworkCore;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>The real WorkflowRuntime on the EF stores: contention, idempotency, events, versions, child workflows.</summary>
public abstract class RuntimeScenarios : ScenarioBase
{
    protected RuntimeScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    [Fact]
    public async Task Fifty_concurrent_resumes_of_one_bookmark_continue_exactly_once()
    {
        await using var env = await OpenAsync();
        var other = env.AddNode("node-b");
        await env.Node.PublishAsync(Flows.WaitForEvent("contended"));
        var run = await env.Node.StartAsync("contended");
        var bookmarkId = run.Bookmarks.Single().Id;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var node = i % 2 == 0 ? env.Node : other;
            try
            {
                await node.Runtime.ResumeAsync(bookmarkId, new JsonObject { ["caller"] = i }, cancellationToken: Ct);
                return "resumed";
            }
            catch (BookmarkConflictException)
            {
                return "conflict";
            }
        }, Ct)));

        Assert.Equal(1, outcomes.Count(o => o == "resumed"));
        Assert.Equal(49, outcomes.Count(o => o == "conflict"));
        var journal = await env.Node.JournalAsync(run.InstanceId);
        Assert.Single(journal, j => j.Event == JournalEvents.ActivityResumed && j.BookmarkId == bookmarkId);
        Assert.Single(journal, j => j.Event == JournalEvents.WorkflowFinished);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        var state = await env.Node.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(BookmarkState.Consumed, (await env.Node.Store.GetBookmarkAsync(bookmarkId, Ct))!.State);
    }

    [Fact]
    public async Task An_idempotency_key_replays_the_first_result_of_a_start_and_a_resume()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("idem"));

        var first = await node.StartAsync("idem", idempotencyKey: "start-1");
        var again = await node.StartAsync("idem", idempotencyKey: "start-1");
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.InstanceId, again.InstanceId);

        var racing = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => node.StartAsync("idem", idempotencyKey: "start-2"), Ct)));
        Assert.Single(racing.Select(r => r.InstanceId).Distinct());

        var bookmarkId = first.Bookmarks.Single().Id;
        var resumed = await node.Runtime.ResumeAsync(bookmarkId, null, "resume-1", Ct);
        var replayed = await node.Runtime.ResumeAsync(bookmarkId, null, "resume-1", Ct);
        Assert.Equal(WorkflowStatus.Finished, resumed.Status);
        Assert.True(replayed.Replayed);
        Assert.Equal(WorkflowStatus.Finished, replayed.Status);
        await Assert.ThrowsAsync<BookmarkConflictException>(() => node.Runtime.ResumeAsync(bookmarkId, null, "resume-2", Ct));

        Assert.Single(await node.JournalAsync(first.InstanceId), j => j.Event == JournalEvents.ActivityResumed);
        await using var db = node.CreateDbContext();
        Assert.Equal(2, await db.Instances.CountAsync(Ct));
        Assert.Equal(["resume:resume-1", "start:start-1", "start:start-2"],
            (await db.IdempotencyKeys.Select(k => k.Scope + ":" + k.Key).ToListAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Event_bookmarks_are_found_by_name_and_correlation_and_an_uncorrelated_one_matches_any()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForCorrelatedEvent("corr", "ticket.closed"));
        var c1 = await node.StartAsync("corr", new JsonObject { ["key"] = "c1" });
        var c2 = await node.StartAsync("corr", new JsonObject { ["key"] = "c2" });
        var any = await node.StartAsync("corr");
        var hash = StimulusHash.Compute(BookmarkKinds.Event, "ticket.closed");

        async Task<string[]> Owners(string? correlation) =>
            [.. (await node.Store.FindBookmarksAsync(BookmarkKinds.Event, hash, correlation, Ct)).Select(b => b.InstanceId).Order(StringComparer.Ordinal)];

        Assert.Equal(new[] { c1.InstanceId, any.InstanceId }.Order(StringComparer.Ordinal), await Owners("c1"));
        Assert.Equal([any.InstanceId], await Owners(null));
        Assert.Equal([any.InstanceId], await Owners("nobody"));
        Assert.Empty(await node.Store.FindBookmarksAsync(BookmarkKinds.Event, StimulusHash.Compute(BookmarkKinds.Event, "other"), "c1", Ct));

        var dispatched = await node.Runtime.PublishEventAsync("TICKET.CLOSED", "c1", new JsonObject { ["reason"] = "fixed" }, cancellationToken: Ct);

        Assert.Equal(new[] { c1.InstanceId, any.InstanceId }.Order(StringComparer.Ordinal), dispatched.Resumed.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(dispatched.Resumed, r => Assert.Equal(WorkflowStatus.Finished, r.Status));
        Assert.Equal(WorkflowStatus.Suspended, (await node.StateAsync(c2.InstanceId)).Status);
        Assert.Equal([c2.InstanceId], await Owners("c2"));
        Assert.Empty(await Owners("c1"));
    }

    [Fact]
    public async Task An_instance_keeps_its_version_while_new_instances_use_the_newly_published_one()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("versioned", name: "v1"));
        var onV1 = await node.StartAsync("versioned");
        Assert.Equal(1, onV1.DefinitionVersion);

        var v2 = await node.SaveAsync(new Flow("versioned").Name("v2")
            .Add("start", "Start")
            .Add("log", "Log", Js("message", "'v2 was here'"))
            .Add("wait", "WaitForEvent", Literal("eventName", "go"))
            .Add("end", "End")
            .Chain("start", "log", "wait", "end").Json);
        Assert.Equal((2, false), (v2.Version, v2.IsPublished));
        Assert.Equal(1, (await node.StartAsync("versioned")).DefinitionVersion);

        await node.Definitions.PublishAsync("versioned", 2, "designer", Ct);
        var onV2 = await node.StartAsync("versioned");
        Assert.True(onV2.Status == WorkflowStatus.Suspended, string.Join("; ", onV2.Incidents.Select(i => i.Message)));
        Assert.Equal(2, onV2.DefinitionVersion);

        var dispatched = await node.Runtime.PublishEventAsync("go", null, null, cancellationToken: Ct);
        Assert.Equal(3, dispatched.Resumed.Count);

        var finished = await node.StateAsync(onV1.InstanceId);
        Assert.Equal((WorkflowStatus.Finished, 1), (finished.Status, finished.DefinitionVersion));
        var journal = await node.JournalAsync(onV1.InstanceId);
        Assert.DoesNotContain(journal, j => j.ActivityId == "log");
        Assert.Contains(journal, j => j.ActivityId == "end" && j.Event == JournalEvents.ActivityCompleted);
        Assert.Contains(await node.JournalAsync(onV2.InstanceId), j => j.ActivityId == "log");
    }

    [Fact]
    public async Task Event_triggers_start_only_published_versions()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.SaveAsync(Flows.Triggered("trig", "order.created"));
        Assert.Empty((await node.Runtime.PublishEventAsync("order.created", null, null, cancellationToken: Ct)).Started);

        await node.Definitions.PublishAsync("trig", null, null, Ct);
        var started = await node.Runtime.PublishEventAsync("Order.Created", "o-1", new JsonObject { ["order"] = 42 }, cancellationToken: Ct);
        var instance = Assert.Single(started.Started);
        Assert.Equal((1, WorkflowStatus.Finished, "o-1"), (instance.DefinitionVersion, instance.Status, instance.CorrelationId));

        await node.SaveAsync(Flows.Triggered("trig", "order.updated"));
        Assert.Empty((await node.Runtime.PublishEventAsync("order.updated", null, null, cancellationToken: Ct)).Started);
        Assert.Equal(1, Assert.Single((await node.Runtime.PublishEventAsync("order.created", null, null, cancellationToken: Ct)).Started).DefinitionVersion);

        await node.Definitions.PublishAsync("trig", 2, null, Ct);
        Assert.Empty((await node.Runtime.PublishEventAsync("order.created", null, null, cancellationToken: Ct)).Started);
        Assert.Equal(2, Assert.Single((await node.Runtime.PublishEventAsync("order.updated", null, null, cancellationToken: Ct)).Started).DefinitionVersion);

        await node.Definitions.RetractAsync("trig", null, Ct);
        Assert.Empty((await node.Runtime.PublishEventAsync("order.updated", null, null, cancellationToken: Ct)).Started);
        await using var db = node.CreateDbContext();
        Assert.Equal(0, await db.EventTriggers.CountAsync(Ct));
    }

    [Fact]
    public async Task A_child_workflow_runs_through_the_outbox_and_resumes_its_parent_once()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(new Flow("child").Add("start", "Start").Add("end", "End").Chain("start", "end").Json);
        await node.PublishAsync(Flows.Parent("parent", "child"));

        var parent = await node.StartAsync("parent");

        Assert.Equal(WorkflowStatus.Finished, parent.Status);
        await using var db = node.CreateDbContext();
        var messages = await db.Outbox.OrderBy(o => o.CreatedAt).ThenBy(o => o.Kind).ToListAsync(Ct);
        Assert.Equal([OutboxKinds.ResumeParent, OutboxKinds.StartChild], messages.Select(m => m.Kind).Order(StringComparer.Ordinal));
        Assert.All(messages, m => Assert.NotNull(m.DeliveredAt));
        Assert.Equal(2, await db.Instances.CountAsync(i => i.Status == WorkflowStatus.Finished, Ct));
        Assert.Equal(0, await node.Runtime.ProcessOutboxAsync(cancellationToken: Ct));
        Assert.Single(await node.JournalAsync(parent.InstanceId), j => j.Event == JournalEvents.ActivityResumed);
    }
}
