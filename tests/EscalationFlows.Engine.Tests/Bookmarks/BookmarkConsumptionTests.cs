using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Bookmarks;

public sealed class BookmarkConsumptionTests
{
    private static string Approval() => new Flow("approval")
        .Variable("approvals", 0)
        .Add("start", "Start")
        .Add("wait", "WaitForEvent", Literal("eventName", "approved"))
        .Add("count", "SetVariable", Literal("variable", "approvals"), Js("value", "approvals + 1"))
        .Add("hold", "WaitForEvent", Literal("eventName", "closed"))
        .Chain("start", "wait", "count", "hold")
        .Json;

    private static async Task<(EngineHarness Engine, WorkflowRunResult Run, Bookmark Bookmark)> StartApproval()
    {
        var engine = new EngineHarness();
        engine.Publish(Approval());
        var run = await engine.StartAsync("approval");
        return (engine, run, Assert.Single(run.Bookmarks));
    }

    [Fact]
    public async Task A_consumed_bookmark_cannot_be_resumed_again_and_never_runs_twice()
    {
        var (engine, run, bookmark) = await StartApproval();
        using var _ = engine;
        await engine.ResumeAsync(bookmark.Id, new JsonObject { ["by"] = "ann" });

        var error = await Assert.ThrowsAsync<BookmarkConflictException>(() => engine.ResumeAsync(bookmark.Id, new JsonObject { ["by"] = "bob" }));

        Assert.Contains("already resumed", error.Message, StringComparison.Ordinal);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(1, state.Variables["approvals"]!.GetValue<int>());
        Assert.Equal("ann", state.ActivityOutputs["wait"]!["payload"]!["by"]!.GetValue<string>());
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityResumed));
        Assert.Equal(BookmarkState.Consumed, (await engine.StoredBookmarkAsync(bookmark.Id))!.State);
    }

    [Fact]
    public async Task A_bookmark_cancelled_with_its_instance_cannot_be_resumed()
    {
        var (engine, run, bookmark) = await StartApproval();
        using var _ = engine;
        await engine.CancelAsync(run.InstanceId);

        var error = await Assert.ThrowsAsync<BookmarkConflictException>(() => engine.ResumeAsync(bookmark.Id));

        Assert.Contains("cancelled", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await engine.StateAsync(run.InstanceId)).Variables["approvals"]!.GetValue<int>());
        Assert.Empty(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityResumed));
    }

    [Fact]
    public async Task A_bookmark_that_lost_a_WaitAny_race_cannot_be_resumed()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("race")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("reply", "WaitForEvent", Literal("eventName", "reply"))
            .Add("timeout", "Delay", Literal("duration", "PT8H"))
            .Add("join", "Join", Literal("mode", "WaitAny"))
            .Chain("start", "fork")
            .Connect("fork", "reply")
            .Connect("fork", "timeout")
            .Connect("reply", "join")
            .Connect("timeout", "join")
            .Json);
        var run = await engine.StartAsync("race");
        var timer = run.Bookmarks.Single(b => b.ActivityId == "timeout");

        await engine.PublishAsync("reply");

        await Assert.ThrowsAsync<BookmarkConflictException>(() => engine.ResumeAsync(timer.Id));
        Assert.Null(await engine.NextTimerDueAsync());
        await engine.AdvanceAsync(TimeSpan.FromHours(9));
        Assert.Equal(1, (await engine.StateAsync(run.InstanceId)).Activities["join"].Runs);
    }

    [Fact]
    public async Task A_bookmark_that_never_existed_is_not_found()
    {
        using var engine = new EngineHarness();

        await Assert.ThrowsAsync<WorkflowNotFoundException>(() => engine.ResumeAsync("no-such-bookmark"));
    }

    [Fact]
    public async Task Twenty_concurrent_resumes_of_one_bookmark_let_exactly_one_through()
    {
        var (engine, run, bookmark) = await StartApproval();
        using var _ = engine;
        using var gate = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            gate.Wait(TestContext.Current.CancellationToken);
            try
            {
                await engine.ResumeAsync(bookmark.Id, new JsonObject { ["by"] = $"agent-{i}" });
                return "resumed";
            }
            catch (BookmarkConflictException)
            {
                return "conflict";
            }
        }, TestContext.Current.CancellationToken)).ToList();
        gate.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "resumed"));
        Assert.Equal(19, outcomes.Count(o => o == "conflict"));
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(1, state.Variables["approvals"]!.GetValue<int>());
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityResumed));
        Assert.Equal(1, state.Activities["count"].Runs);
    }

    [Fact]
    public async Task Repeating_an_idempotency_key_returns_the_first_result_marked_as_replayed()
    {
        var (engine, run, bookmark) = await StartApproval();
        using var _ = engine;

        var first = await engine.ResumeAsync(bookmark.Id, new JsonObject { ["by"] = "ann" }, idempotencyKey: "req-1");
        var again = await engine.ResumeAsync(bookmark.Id, new JsonObject { ["by"] = "bob" }, idempotencyKey: "req-1");

        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.Status, again.Status);
        Assert.Equal(first.InstanceId, again.InstanceId);
        Assert.Equal(first.Bookmarks.Select(b => b.Id), again.Bookmarks.Select(b => b.Id));
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(1, state.Variables["approvals"]!.GetValue<int>());
        Assert.Equal("ann", state.ActivityOutputs["wait"]!["payload"]!["by"]!.GetValue<string>());
        await Assert.ThrowsAsync<BookmarkConflictException>(() => engine.ResumeAsync(bookmark.Id, idempotencyKey: "req-2"));
    }

    [Fact]
    public async Task Concurrent_resumes_with_one_idempotency_key_run_once_and_all_get_the_same_answer()
    {
        var (engine, run, bookmark) = await StartApproval();
        using var _ = engine;
        using var gate = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            gate.Wait(TestContext.Current.CancellationToken);
            try
            {
                return (await engine.ResumeAsync(bookmark.Id, idempotencyKey: "same")).Status.ToString();
            }
            catch (BookmarkConflictException)
            {
                return "conflict";
            }
        }, TestContext.Current.CancellationToken)).ToList();
        gate.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.DoesNotContain("conflict", outcomes);
        Assert.All(outcomes, o => Assert.Equal(nameof(WorkflowStatus.Suspended), o));
        Assert.Equal(1, (await engine.StateAsync(run.InstanceId)).Variables["approvals"]!.GetValue<int>());
    }
}
