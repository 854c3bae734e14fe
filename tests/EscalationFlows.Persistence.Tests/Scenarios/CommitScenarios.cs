using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Stores;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>CommitAsync: one transaction per burst, all or nothing, conflicts detected, state kept exactly.</summary>
public abstract class CommitScenarios : ScenarioBase
{
    protected CommitScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    [Fact]
    public async Task A_burst_is_one_transaction_with_one_SaveChanges()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("one-tx"));
        var diagnostics = node.Diagnostics;
        var (commits, transactions, saves) = (diagnostics.Commits, diagnostics.Transactions, diagnostics.SaveChanges);

        var run = await node.StartAsync("one-tx");
        Assert.Equal((commits + 1, transactions + 1, saves + 1), (diagnostics.Commits, diagnostics.Transactions, diagnostics.SaveChanges));

        await node.Runtime.ResumeAsync(run.Bookmarks[0].Id, null, cancellationToken: Ct);
        Assert.Equal((commits + 2, transactions + 2, saves + 2), (diagnostics.Commits, diagnostics.Transactions, diagnostics.SaveChanges));
        Assert.Equal(WorkflowStatus.Finished, (await node.StateAsync(run.InstanceId)).Status);
    }

    [Fact]
    public async Task A_burst_commit_sets_no_savepoints()
    {
        // EF Core wraps SaveChanges inside an explicit transaction in a savepoint (two more round trips) so that a failed
        // SaveChanges can be undone alone; a failed burst abandons its whole transaction, so the store turns that off.
        var recorder = new EfEventRecorder();
        await using var env = await OpenAsync(services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(recorder)));
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("no-savepoint"));

        var run = await node.StartAsync("no-savepoint");
        await node.Runtime.ResumeAsync(run.Bookmarks[0].Id, null, cancellationToken: Ct);

        Assert.Contains(recorder.Events, e => e.Id == RelationalEventId.TransactionCommitted.Id);
        Assert.DoesNotContain(recorder.Events, e => e.Id == RelationalEventId.CreatingTransactionSavepoint.Id);
    }

    [Fact]
    public async Task A_failing_participant_rolls_back_the_whole_burst()
    {
        var participant = new ThrowingParticipant { Armed = true };
        await using var env = await OpenAsync(services => services
            .AddActivity<NotifyActivity>()
            .AddSingleton<IBurstCommitParticipant>(participant));
        var node = env.Node;
        await node.PublishAsync(Everything("all-or-nothing"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => node.StartAsync("all-or-nothing", idempotencyKey: "key-1"));

        Assert.Equal("Participant failed (test).", failure.Message);
        Assert.Equal(1, participant.Calls);
        Assert.Equal(new TableCounts(0, 0, 0, 0, 0, 0, 0), await CountAsync(node));

        // The same request succeeds once the participant does: the key was not used up by the failed attempt.
        participant.Armed = false;
        var run = await node.StartAsync("all-or-nothing", idempotencyKey: "key-1");
        Assert.False(run.Replayed);
        var counts = await CountAsync(node);
        Assert.Equal((1, 2, 1, 1, 1, 1), (counts.Instances, counts.Bookmarks, counts.Timers, counts.Incidents, counts.Outbox, counts.IdempotencyKeys));
        Assert.True(counts.Journal > 5);
    }

    [Fact]
    public async Task A_duplicate_idempotency_key_rolls_back_everything_of_the_second_burst()
    {
        await using var env = await OpenAsync(services => services.AddActivity<NotifyActivity>());
        var node = env.Node;
        await node.PublishAsync(Everything("dup-key"));
        await node.StartAsync("dup-key", idempotencyKey: "shared");
        var before = await CountAsync(node);

        var second = await node.StartBurstAsync("dup-key", "second-instance");
        var commit = new BurstCommit { Result = second, Idempotency = new IdempotencyRecord("start", "shared", new JsonObject(), env.Clock.GetUtcNow()) };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => node.Store.CommitAsync(commit, Ct));

        Assert.Equal(before, await CountAsync(node));
        Assert.Null(await node.Store.GetInstanceAsync("second-instance", Ct));
        Assert.Empty(await node.JournalAsync("second-instance"));
    }

    [Fact]
    public async Task Creating_an_existing_instance_id_is_a_conflict()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("dup-id"));
        var burst = await node.StartBurstAsync("dup-id", "same-id");
        await node.Store.CommitAsync(new BurstCommit { Result = burst }, Ct);
        var before = await CountAsync(node);

        var again = await node.StartBurstAsync("dup-id", "same-id");
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => node.Store.CommitAsync(new BurstCommit { Result = again }, Ct));

        Assert.Equal(before, await CountAsync(node));
        Assert.Equal(1, (await node.Store.GetInstanceAsync("same-id", Ct))!.Revision);
    }

    [Fact]
    public async Task A_stale_revision_is_a_conflict_and_writes_nothing()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("stale"));
        var run = await node.StartAsync("stale");
        var stale = await node.Store.GetInstanceAsync(run.InstanceId, Ct);
        var bookmarkId = run.Bookmarks[0].Id;
        Assert.Equal(1, stale!.Revision);

        await node.Runtime.ResumeAsync(bookmarkId, new JsonObject { ["by"] = "winner" }, cancellationToken: Ct);
        var journal = await node.JournalAsync(run.InstanceId);

        var late = await node.RunBurstAsync(stale.State, new ResumeStimulus(bookmarkId, new JsonObject { ["by"] = "loser" }));
        var conflict = new BurstCommit { Result = late, ExpectedRevision = stale.Revision };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => node.Store.CommitAsync(conflict, Ct));

        var current = await node.Store.GetInstanceAsync(run.InstanceId, Ct);
        Assert.Equal(2, current!.Revision);
        Assert.Equal(WorkflowStatus.Finished, current.State.Status);
        Assert.Equal(journal.Count, (await node.JournalAsync(run.InstanceId)).Count);
        Assert.Equal(BookmarkState.Consumed, (await node.Store.GetBookmarkAsync(bookmarkId, Ct))!.State);
    }

    [Fact]
    public async Task The_journal_is_append_only_a_repeated_sequence_fails_the_whole_burst()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.WaitForEvent("journal"));
        var run = await node.StartAsync("journal");
        var stored = await node.Store.GetInstanceAsync(run.InstanceId, Ct);
        var journal = await node.JournalAsync(run.InstanceId);
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));

        var state = stored!.State;
        state.Variables["touched"] = true;
        var replayed = new BurstResult
        {
            State = state,
            Journal = [journal[0] with { Message = "written twice" }],
            AddedBookmarks = [],
            RemovedBookmarks = [],
            Outbox = [],
            Effects = [],
        };
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            node.Store.CommitAsync(new BurstCommit { Result = replayed, ExpectedRevision = stored.Revision }, Ct));

        var after = await node.Store.GetInstanceAsync(run.InstanceId, Ct);
        Assert.Equal(stored.Revision, after!.Revision);
        Assert.False(after.State.Variables.ContainsKey("touched"));
        Assert.Equal(WorkflowJson.Serialize(journal), WorkflowJson.Serialize(await node.JournalAsync(run.InstanceId)));
    }

    [Fact]
    public async Task The_state_bookmarks_journal_and_incidents_round_trip_exactly()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(Flows.Rich("rich"));
        var burst = await node.StartBurstAsync("rich", "rich-1", new JsonObject { ["customer"] = new JsonObject { ["name"] = "Zoë «Ω»", ["since"] = "2020-02-29T23:59:59.1234567+05:30" } });
        await node.Store.CommitAsync(new BurstCommit { Result = burst }, Ct);

        var loaded = await node.Store.GetInstanceAsync("rich-1", Ct);
        Assert.Equal(WorkflowJson.Serialize(burst.State), WorkflowJson.Serialize(loaded!.State));
        Assert.Equal(WorkflowStatus.Suspended, loaded.State.Status);
        Assert.Single(loaded.State.Incidents);
        Assert.NotNull(loaded.State.Activities["join"].JoinArrivals);
        Assert.Equal(WorkflowJson.Serialize(burst.Journal), WorkflowJson.Serialize(await node.JournalAsync("rich-1")));

        Assert.Equal(2, burst.AddedBookmarks.Count);
        foreach (var bookmark in burst.AddedBookmarks)
        {
            var stored = await node.Store.GetBookmarkAsync(bookmark.Id, Ct);
            Assert.Equal(BookmarkState.Active, stored!.State);
            Assert.Equal(WorkflowJson.Serialize(bookmark), WorkflowJson.Serialize(stored.Bookmark));
        }

        var timer = burst.AddedBookmarks.Single(b => b.DueAt is not null);
        Assert.Equal(TestEnvironment.Start.AddHours(4), await node.Store.GetNextTimerDueAsync(Ct));
        await using var db = node.CreateDbContext();
        var timerRow = await db.Timers.SingleAsync(Ct);
        Assert.Equal((timer.Id, TimerKinds.Bookmark, "rich-1", timer.Id, timer.DueAt!.Value), (timerRow.Id, timerRow.Kind, timerRow.InstanceId, timerRow.BookmarkId, timerRow.DueAt));
        var incident = await db.Incidents.SingleAsync(Ct);
        Assert.Equal((loaded.State.Incidents[0].Id, "boom", "fault", false), (incident.Id, incident.ActivityId, incident.Code, incident.Resolved));
        var instance = await db.Instances.SingleAsync(Ct);
        Assert.Equal((WorkflowStatus.Suspended, 1, 1, "rich", 1), (instance.Status, instance.IncidentCount, instance.DefinitionVersion, instance.DefinitionId, (int)instance.Revision));
    }

    [Fact]
    public async Task Incidents_are_upserted_from_the_state_on_every_commit()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.PublishAsync(new Flow("faulty", incidentStrategy: "fault")
            .Add("start", "Start")
            .Add("boom", "Fault", Literal("message", "broken"))
            .Chain("start", "boom").Json);

        var run = await node.StartAsync("faulty");
        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        await node.Runtime.RetryAsync(run.InstanceId, Ct);

        var state = await node.StateAsync(run.InstanceId);
        await using var db = node.CreateDbContext();
        var rows = await db.Incidents.Where(i => i.InstanceId == run.InstanceId).OrderBy(i => i.Timestamp).ThenBy(i => i.Attempt).ToListAsync(Ct);
        Assert.Equal(state.Incidents.Select(i => (i.Id, i.Resolved, i.Attempt)).OrderBy(i => i.Id), rows.Select(r => (r.Id, r.Resolved, r.Attempt)).OrderBy(i => i.Id));
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, r => r.Resolved);
        Assert.Equal(1, (await db.Instances.SingleAsync(Ct)).IncidentCount);
    }

    [Fact]
    public async Task Participants_run_inside_the_transaction_and_see_the_bursts_effects()
    {
        var participant = new RecordingParticipant();
        await using var env = await OpenAsync(services => services
            .AddActivity<NotifyActivity>()
            .AddSingleton<IBurstCommitParticipant>(participant));
        await env.Node.PublishAsync(Flows.Notify("effects"));

        var run = await env.Node.StartAsync("effects");

        Assert.True(participant.SawTransaction);
        var effect = Assert.Single(participant.Effects);
        Assert.Equal(("test.effect", run.InstanceId, "notify", "hello"), (effect.Kind, effect.InstanceId, effect.ActivityId, effect.Payload["text"]!.GetValue<string>()));
    }

    /// <summary>Writes to every table at once: incident (continue), timer and event bookmarks, outbox, effect, journal.</summary>
    private static string Everything(string id) =>
        new Flow(id, incidentStrategy: "continue")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("notify", NotifyActivity.TypeName, Literal("text", "hi"))
            .Add("wait", "WaitForEvent", Literal("eventName", "go"))
            .Add("timer", "Timer", Literal("duration", "PT1H"))
            .Add("boom", "Fault", Literal("message", "deliberate"))
            .Connect("start", "fork")
            .Connect("fork", "notify")
            .Connect("fork", "timer")
            .Connect("fork", "boom")
            .Connect("notify", "wait").Json;
}
