using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class StartAndEndTests
{
    [Fact]
    public async Task Start_begins_the_instance_and_a_flow_without_waits_finishes_in_one_request()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("start-only")
            .Add("start", "Start")
            .Add("log", "Log", Template("message", "hello"))
            .Chain("start", "log")
            .Json);

        var run = await engine.StartAsync("start-only");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var started = await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityStarted);
        Assert.Equal(["start", "log"], started.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task Start_is_where_an_api_start_begins_even_when_other_activities_have_no_inbound_connection()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("explicit-start")
            .Add("start", "Start")
            .Add("a", "Log", Template("message", "a"))
            .Add("trigger", "EventTrigger", Literal("eventName", "never"))
            .Add("b", "Log", Template("message", "b"))
            .Chain("start", "a")
            .Chain("trigger", "b")
            .Json);

        var run = await engine.StartAsync("explicit-start");

        var started = await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityStarted);
        Assert.Equal(["start", "a"], started.Select(j => j.ActivityId));
    }

    [Fact]
    public async Task End_finishes_the_instance_and_cancels_other_branches_bookmarks_and_timers()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("end-cancels")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("wait", "WaitForEvent", Literal("eventName", "approved"))
            .Add("delay", "Delay", Literal("duration", "PT4H"))
            .Add("end", "End")
            .Add("late", "Log", Template("message", "never runs"))
            .Chain("start", "fork")
            .Connect("fork", "wait")
            .Connect("fork", "delay")
            .Connect("fork", "end")
            .Connect("fork", "late")
            .Json);

        var run = await engine.StartAsync("end-cancels");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Empty(state.Bookmarks);
        Assert.Empty(state.Queue);
        Assert.Null(await engine.NextTimerDueAsync());
        var cancelled = await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityCancelled);
        Assert.Equal(["wait", "delay", "late"], cancelled.Select(j => j.ActivityId));

        Assert.DoesNotContain(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityStarted), j => j.ActivityId == "late");
    }

    [Fact]
    public async Task End_reached_later_cancels_what_is_still_waiting()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("end-later")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("approval", "WaitForEvent", Literal("eventName", "approved"))
            .Add("reminder", "Delay", Literal("duration", "P1D"))
            .Add("end", "End")
            .Chain("start", "fork")
            .Connect("fork", "approval")
            .Connect("fork", "reminder")
            .Connect("approval", "end")
            .Json);
        var run = await engine.StartAsync("end-later");
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.NotNull(await engine.NextTimerDueAsync());
        var approval = run.Bookmarks.Single(b => b.ActivityId == "approval");
        var reminder = run.Bookmarks.Single(b => b.ActivityId == "reminder");

        var published = await engine.PublishAsync("approved");

        Assert.Equal(WorkflowStatus.Finished, Assert.Single(published.Resumed).Status);
        Assert.Null(await engine.NextTimerDueAsync());
        Assert.Empty((await engine.StateAsync(run.InstanceId)).Bookmarks);
        Assert.Equal(BookmarkState.Consumed, (await engine.StoredBookmarkAsync(approval.Id))!.State);
        Assert.Equal(BookmarkState.Cancelled, (await engine.StoredBookmarkAsync(reminder.Id))!.State);
    }

    [Fact]
    public async Task An_instance_finishes_with_its_declared_outputs_taken_from_variables()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("outputs")
            .Variable("result")
            .Outputs([new JsonObject { ["name"] = "answer", ["variable"] = "result" }])
            .Add("start", "Start")
            .Add("set", "SetVariable", Literal("variable", "result"), Js("value", "6 * 7"))
            .Add("end", "End")
            .Chain("start", "set", "end")
            .Json);

        var run = await engine.StartAsync("outputs");

        Assert.Equal(42, run.Output!["answer"]!.GetValue<int>());
    }
}
