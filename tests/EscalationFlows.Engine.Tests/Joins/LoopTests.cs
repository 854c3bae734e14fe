using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Joins;

public sealed class LoopTests
{
    [Fact]
    public async Task A_loop_back_to_an_earlier_wait_works_every_time_round()
    {
        const int rounds = 10;
        using var engine = new EngineHarness();
        engine.Publish(new Flow("ping-pong")
            .Variable("n", 0)
            .Variable("last")
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", MapOutputs(("payload", "last")), Literal("eventName", "reply"))
            .Add("count", "SetVariable", Literal("variable", "n"), Js("value", "n + 1"))
            .Add("more", "Decision", Js("condition", $"n < {rounds}"))
            .Add("end", "End")
            .Chain("start", "wait", "count", "more")
            .Connect("more", "wait", "True")
            .Connect("more", "end", "False")
            .Json);
        var run = await engine.StartAsync("ping-pong", correlationId: "C-1");
        var seen = new HashSet<string>();

        for (var i = 1; i <= rounds; i++)
        {
            var state = await engine.StateAsync(run.InstanceId);
            Assert.Equal(WorkflowStatus.Suspended, state.Status);
            var bookmark = Assert.Single(state.Bookmarks);
            Assert.True(seen.Add(bookmark.Id), "every round waits on a fresh bookmark");
            var resumed = Assert.Single((await engine.PublishAsync("reply", new JsonObject { ["round"] = i }, correlationId: "C-1")).Resumed);
            Assert.Equal(i == rounds ? WorkflowStatus.Finished : WorkflowStatus.Suspended, resumed.Status);
        }

        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(rounds, final.Variables["n"]!.GetValue<int>());
        Assert.Equal(rounds, final.Variables["last"]!["round"]!.GetValue<int>());
        Assert.Equal(rounds, final.Activities["wait"].Runs);
        Assert.Equal(rounds, (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityResumed)).Count);
    }

    [Fact]
    public async Task WaitAll_continues_when_a_branch_leaves_through_a_Decision_port_that_leads_elsewhere()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("detour")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("a", "Log", Template("message", "a"))
            .Add("check", "Decision", Js("condition", "false"))
            .Add("elsewhere", "Delay", Literal("duration", "PT5M"))
            .Add("noted", "Log", Template("message", "elsewhere"))
            .Add("join", "Join", Literal("mode", "WaitAll"))
            .Add("after", "Log", Template("message", "after join"))
            .Chain("start", "fork")
            .Connect("fork", "a")
            .Connect("fork", "check")
            .Connect("a", "join")
            .Connect("check", "join", "True")
            .Connect("check", "elsewhere", "False")
            .Chain("elsewhere", "noted")
            .Chain("join", "after")
            .Json);

        var run = await engine.StartAsync("detour");

        // The Decision went the other way, so nothing can reach the join from it any more: the join fires at once,
        // while the detour is still waiting on its own timer.
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal(["a", "after join"], (await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Select(l => l.Message));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(5));
        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, final.Status);
        Assert.Equal(1, final.Activities["join"].Runs);
    }

    [Fact]
    public async Task WaitAll_waits_while_a_branch_that_can_still_reach_it_is_blocked_upstream()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("upstream-wait")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("a", "Log", Template("message", "a"))
            .Add("approve", "WaitForEvent", Literal("eventName", "approved"))
            .Add("b", "Log", Template("message", "b"))
            .Add("join", "Join")
            .Add("after", "Log", Template("message", "after join"))
            .Chain("start", "fork")
            .Connect("fork", "a")
            .Connect("fork", "approve")
            .Chain("approve", "b", "join")
            .Connect("a", "join")
            .Chain("join", "after")
            .Json);

        var run = await engine.StartAsync("upstream-wait");
        Assert.DoesNotContain(await engine.JournalAsync(run.InstanceId, JournalEvents.Log), l => l.Message == "after join");

        await engine.PublishAsync("approved");

        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
        Assert.Equal(["a", "b", "after join"], (await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Select(l => l.Message));
    }

    [Fact]
    public async Task A_join_none_of_whose_branches_arrive_never_fires()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("all-fail", "continue")
            .Variable("x")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("f1", "SetVariable", Literal("variable", "x"), Js("value", "null.one"))
            .Add("f2", "SetVariable", Literal("variable", "x"), Js("value", "null.two"))
            .Add("join", "Join")
            .Add("after", "Log", Template("message", "after join"))
            .Chain("start", "fork")
            .Connect("fork", "f1")
            .Connect("fork", "f2")
            .Connect("f1", "join")
            .Connect("f2", "join")
            .Chain("join", "after")
            .Json);

        var run = await engine.StartAsync("all-fail");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(2, run.Incidents.Count);
        Assert.Empty(await engine.JournalAsync(run.InstanceId, JournalEvents.Log));
    }

    [Fact]
    public async Task Two_tokens_on_one_connection_before_the_join_fires_count_as_one_arrival()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("double-arrival")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("x", "Log", Template("message", "x"))
            .Add("y", "Log", Template("message", "y"))
            .Add("a", "Log", Template("message", "a"))
            .Add("b", "WaitForEvent", Literal("eventName", "b"))
            .Add("join", "Join")
            .Add("after", "Log", Template("message", "after join"))
            .Chain("start", "fork")
            .Connect("fork", "x")
            .Connect("fork", "y")
            .Connect("fork", "b")
            .Connect("x", "a")
            .Connect("y", "a")
            .Connect("a", "join")
            .Connect("b", "join")
            .Chain("join", "after")
            .Json);

        var run = await engine.StartAsync("double-arrival");
        var waiting = await engine.StateAsync(run.InstanceId);
        Assert.Equal(2, waiting.Activities["a"].Runs);
        Assert.Single(waiting.Activities["join"].JoinArrivals!);

        await engine.PublishAsync("b");

        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, final.Status);
        Assert.Equal(1, final.Activities["join"].Runs);
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log), l => l.Message == "after join");
    }
}
