using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Joins;

/// <summary>
/// A fork of 2 or 3 branches inside a loop that runs 3 times (a counter and a Decision loop back before the fork).
/// One branch blocks on a bookmark (an event or a Delay), one faults (incident strategy continue), and with 3 branches
/// a "winner" branch waits for its own event. The join is WaitAll or WaitAny.
/// </summary>
public sealed class JoinLoopMatrixTests
{
    private const int Iterations = 3;

    public static TheoryData<int, string, string> Matrix()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var branches in new[] { 2, 3 })
        {
            foreach (var mode in new[] { "WaitAll", "WaitAny" })
            {
                foreach (var blocker in new[] { "Event", "Delay" })
                {
                    data.Add(branches, mode, blocker);
                }
            }
        }

        return data;
    }

    private static string Definition(int branches, string mode, string blocker)
    {
        var flow = new Flow("join-loop", "continue")
            .Variable("i", 0)
            .Variable("broken")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("blocked", blocker == "Event" ? "WaitForEvent" : "Delay", blocker == "Event" ? Literal("eventName", "go") : Literal("duration", "PT1H"))
            .Add("broken", "SetVariable", Literal("variable", "broken"), Js("value", "null.boom"))
            .Add("join", "Join", Literal("mode", mode))
            .Add("count", "SetVariable", Literal("variable", "i"), Js("value", "i + 1"))
            .Add("again", "Decision", Js("condition", $"vars.i < {Iterations}"))
            .Add("done", "Log", Template("message", "done after {{ i }}"))
            .Chain("start", "fork")
            .Connect("fork", "blocked")
            .Connect("fork", "broken")
            .Connect("blocked", "join")
            .Connect("broken", "join")
            .Chain("join", "count", "again")
            .Connect("again", "fork", "True")
            .Connect("again", "done", "False");
        if (branches == 3)
        {
            flow.Add("winner", "WaitForEvent", Literal("eventName", "win"))
                .Connect("fork", "winner")
                .Connect("winner", "join");
        }

        return flow.Json;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_join_in_a_loop_fires_once_per_iteration_and_the_instance_finishes(int branches, string mode, string blocker)
    {
        using var engine = new EngineHarness();
        engine.Publish(Definition(branches, mode, blocker));
        var run = await engine.StartAsync("join-loop", correlationId: "T-1");
        var cancelledBlockers = new List<string>();

        for (var iteration = 1; iteration <= Iterations; iteration++)
        {
            var state = await engine.StateAsync(run.InstanceId);
            Assert.Equal(WorkflowStatus.Suspended, state.Status);
            Assert.Equal(iteration - 1, JoinRuns(state));
            var blocked = Assert.Single(state.Bookmarks, b => b.ActivityId == "blocked");
            Assert.Equal(blocker == "Delay" ? BookmarkKinds.Timer : BookmarkKinds.Event, blocked.Kind);

            if (branches == 3)
            {
                Assert.Single(state.Bookmarks, b => b.ActivityId == "winner");
                Assert.Single((await engine.PublishAsync("win", correlationId: "T-1")).Resumed);
                state = await engine.StateAsync(run.InstanceId);
                if (mode == "WaitAny")
                {
                    // The first arrival continues; the blocked branch lost: its bookmark (and timer) are gone.
                    Assert.Equal(iteration, JoinRuns(state));
                    Assert.DoesNotContain(state.Bookmarks, b => b.Id == blocked.Id);
                    Assert.Equal(BookmarkState.Cancelled, (await engine.StoredBookmarkAsync(blocked.Id))!.State);
                    cancelledBlockers.Add(blocked.Id);
                    continue;
                }

                // WaitAll keeps waiting for the blocked branch; the faulted branch does not hold it up.
                Assert.Equal(iteration - 1, JoinRuns(state));
            }

            await Release(engine, blocker);

            Assert.Equal(iteration, JoinRuns(await engine.StateAsync(run.InstanceId)));
        }

        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, final.Status);
        Assert.Equal(Iterations, JoinRuns(final));
        Assert.Equal(Iterations, final.Variables["i"]!.GetValue<int>());
        Assert.Empty(final.Bookmarks);
        Assert.Null(await engine.NextTimerDueAsync());
        Assert.Equal(Iterations, final.Incidents.Count);
        Assert.All(final.Incidents, i => Assert.Equal(("broken", ExpressionErrorCodes.Error), (i.ActivityId, i.Code)));
        Assert.Equal($"done after {Iterations}", Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Message);

        var cancelled = (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityCancelled)).Where(j => j.ActivityId == "blocked").ToList();
        if (branches == 3 && mode == "WaitAny")
        {
            Assert.Equal(cancelledBlockers, cancelled.Select(j => j.BookmarkId));
        }
        else
        {
            Assert.Empty(cancelled);
        }
    }

    private static int JoinRuns(WorkflowState state) => state.Activities.TryGetValue("join", out var join) ? join.Runs : 0;

    private static async Task Release(EngineHarness engine, string blocker)
    {
        if (blocker == "Event")
        {
            Assert.Single((await engine.PublishAsync("go", new JsonObject { ["ok"] = true }, correlationId: "T-1")).Resumed);
        }
        else
        {
            await engine.AdvanceAsync(TimeSpan.FromHours(1));
        }
    }
}
