using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class TimerTests
{
    private static string WaitThenLog(string id, params (string, string, JsonNode?)[] timerInputs) => new Flow(id)
        .Add("start", "Start")
        .Add("wait", id.StartsWith("delay", StringComparison.Ordinal) ? "Delay" : "Timer", timerInputs)
        .Add("after", "Log", Template("message", "after"))
        .Chain("start", "wait", "after")
        .Json;

    [Fact]
    public async Task Delay_waits_on_a_durable_timer_bookmark_and_continues_when_the_clock_reaches_it()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitThenLog("delay", Literal("duration", "PT4H")));

        var run = await engine.StartAsync("delay");

        var bookmark = Assert.Single(run.Bookmarks);
        Assert.Equal(BookmarkKinds.Timer, bookmark.Kind);
        Assert.Equal(EngineHarness.Epoch + TimeSpan.FromHours(4), bookmark.DueAt);
        Assert.Equal(bookmark.DueAt, await engine.NextTimerDueAsync());
        Assert.Equal("Timer", run.SubStatus);

        await engine.AdvanceAsync(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(WorkflowStatus.Suspended, (await engine.StateAsync(run.InstanceId)).Status);

        await engine.AdvanceAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
        Assert.Null(await engine.NextTimerDueAsync());
        var resumed = Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityResumed));
        Assert.Equal(bookmark.Id, resumed.BookmarkId);
    }

    [Fact]
    public async Task A_fired_timer_tells_the_activity_when_it_was_due_when_it_fired_and_which_node_fired_it()
    {
        using var engine = new EngineHarness(services => services.Configure<RuntimeOptions>(o => o.NodeId = "node-7"));
        engine.Publish(WaitThenLog("delay-output", Literal("duration", "PT1M")));
        var run = await engine.StartAsync("delay-output");

        await engine.AdvanceAsync(TimeSpan.FromMinutes(2));

        var result = (await engine.StateAsync(run.InstanceId)).ActivityOutputs["wait"]!["result"]!;
        Assert.Equal((EngineHarness.Epoch.AddMinutes(1), EngineHarness.Epoch.AddMinutes(2), "node-7"),
            (result["dueAt"]!.GetValue<DateTimeOffset>(), result["firedAt"]!.GetValue<DateTimeOffset>(), result["node"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Timer_until_a_moment_waits_until_that_moment()
    {
        using var engine = new EngineHarness();
        var due = EngineHarness.Epoch + TimeSpan.FromDays(2);
        engine.Publish(WaitThenLog("timer-until", Literal("until", due.ToString("O"))));

        var run = await engine.StartAsync("timer-until");

        Assert.Equal(due, Assert.Single(run.Bookmarks).DueAt);
        await engine.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
    }

    [Fact]
    public async Task Timer_until_a_moment_in_the_past_fires_at_once()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitThenLog("timer-past", Literal("until", "2020-01-01T00:00:00Z")));

        var run = await engine.StartAsync("timer-past");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Null(await engine.NextTimerDueAsync());
    }

    [Fact]
    public async Task Timer_with_a_duration_computed_by_an_expression_waits_that_long()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitThenLog("timer-duration", Js("duration", "'PT' + (2 * 15) + 'M'")));

        var run = await engine.StartAsync("timer-duration");

        Assert.Equal(EngineHarness.Epoch + TimeSpan.FromMinutes(30), Assert.Single(run.Bookmarks).DueAt);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(30));
        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
    }

    [Fact]
    public async Task Delay_with_a_duration_that_is_not_a_duration_raises_an_incident()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitThenLog("delay-bad", Js("duration", "'soon'")));

        var run = await engine.StartAsync("delay-bad");

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("input-type", Assert.Single(run.Incidents).Code);
    }
}
