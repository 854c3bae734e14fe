using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class ForkAndJoinTests
{
    [Fact]
    public async Task Fork_with_named_branches_emits_a_token_on_every_branch_port()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("fork-named")
            .Add("start", "Start")
            .Add("fork", "Fork", Literal("branches", new JsonArray("Notify", "Escalate")))
            .Add("notify", "Log", Template("message", "notify"))
            .Add("escalate", "Log", Template("message", "escalate"))
            .Chain("start", "fork")
            .Connect("fork", "notify", "Notify")
            .Connect("fork", "escalate", "Escalate")
            .Json);

        var run = await engine.StartAsync("fork-named");

        var logs = await engine.JournalAsync(run.InstanceId, JournalEvents.Log);
        Assert.Equal(["notify", "escalate"], logs.Select(l => l.Message));
    }

    [Fact]
    public async Task Fork_without_names_sends_a_token_down_every_connection_from_Done()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("fork-done")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("a", "Log", Template("message", "a"))
            .Add("b", "Log", Template("message", "b"))
            .Add("c", "Log", Template("message", "c"))
            .Chain("start", "fork")
            .Connect("fork", "a")
            .Connect("fork", "b")
            .Connect("fork", "c")
            .Json);

        var run = await engine.StartAsync("fork-done");

        Assert.Equal(["a", "b", "c"], (await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Select(l => l.Message));
    }

    private static string JoinFlow(string mode) => new Flow($"join-{mode.ToLowerInvariant()}")
        .Add("start", "Start")
        .Add("fork", "Fork")
        .Add("quick", "Log", Template("message", "quick"))
        .Add("slow", "WaitForEvent", Literal("eventName", "done"))
        .Add("join", "Join", Literal("mode", mode))
        .Add("after", "Log", Template("message", "after"))
        .Chain("start", "fork")
        .Connect("fork", "quick")
        .Connect("fork", "slow")
        .Connect("quick", "join")
        .Connect("slow", "join")
        .Chain("join", "after")
        .Json;

    [Fact]
    public async Task Join_WaitAll_continues_only_after_every_branch_arrived()
    {
        using var engine = new EngineHarness();
        engine.Publish(JoinFlow("WaitAll"));

        var run = await engine.StartAsync("join-waitall");
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.DoesNotContain(await engine.JournalAsync(run.InstanceId, JournalEvents.Log), l => l.Message == "after");

        await engine.PublishAsync("done");

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(1, state.Activities["join"].Runs);
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log), l => l.Message == "after");
    }

    [Fact]
    public async Task Join_WaitAny_continues_on_the_first_arrival_and_cancels_the_other_branch()
    {
        using var engine = new EngineHarness();
        engine.Publish(JoinFlow("WaitAny"));

        var run = await engine.StartAsync("join-waitany");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Empty(state.Bookmarks);
        Assert.Equal(1, state.Activities["join"].Runs);
        Assert.Contains(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityCancelled), j => j.ActivityId == "slow");
    }

    [Fact]
    public async Task A_plain_activity_with_two_inbound_connections_runs_once_per_token()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("merge")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("a", "Log", Template("message", "a"))
            .Add("b", "Log", Template("message", "b"))
            .Add("merge", "Log", Template("message", "merged"))
            .Chain("start", "fork")
            .Connect("fork", "a")
            .Connect("fork", "b")
            .Connect("a", "merge")
            .Connect("b", "merge")
            .Json);

        var run = await engine.StartAsync("merge");

        Assert.Equal(2, (await engine.StateAsync(run.InstanceId)).Activities["merge"].Runs);
    }
}
