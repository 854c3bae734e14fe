using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Faults;

public sealed class IncidentStrategyTests
{
    private static string Parallel(string strategy) => new Flow("parallel-fault", strategy)
        .Variable("x")
        .Add("start", "Start")
        .Add("fork", "Fork")
        .Add("broken", "SetVariable", Literal("variable", "x"), Js("value", "ticket.customer.tier"))
        .Add("fine", "Log", Template("message", "other branch ran"))
        .Chain("start", "fork")
        .Connect("fork", "broken")
        .Connect("fork", "fine")
        .Json;

    [Fact]
    public async Task Under_the_fault_strategy_an_incident_faults_the_instance_and_keeps_the_failed_step()
    {
        using var engine = new EngineHarness();
        engine.Publish(Parallel("fault"));

        var run = await engine.StartAsync("parallel-fault");

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal(ExpressionErrorCodes.Error, run.SubStatus);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(("broken", "SetVariable", false), (incident.ActivityId, incident.ActivityType, incident.Resolved));
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal("broken", state.FaultedWork!.ActivityId);
        Assert.Single(state.Queue, w => w.ActivityId == "fine");
        Assert.Empty(await engine.JournalAsync(run.InstanceId, JournalEvents.Log));
    }

    [Fact]
    public async Task Under_the_continue_strategy_the_failed_branch_ends_and_the_others_go_on()
    {
        using var engine = new EngineHarness();
        engine.Publish(Parallel("continue"));

        var run = await engine.StartAsync("parallel-fault");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal("broken", Assert.Single(run.Incidents).ActivityId);
        Assert.Equal("other branch ran", Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Message);
        Assert.Null((await engine.StateAsync(run.InstanceId)).FaultedWork);
    }

    [Fact]
    public async Task Retry_runs_the_failed_activity_again_once_its_cause_is_fixed()
    {
        using var server = new LocalHttpServer(_ => (500, "maintenance", "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(new Flow("notify", "fault")
            .Inputs([new JsonObject { ["name"] = "url", ["type"] = "string" }])
            .Variable("status")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("call", "SendHttpRequest", MapOutputs(("statusCode", "status")), Input("url", "url"))
            .Add("reminder", "Delay", Literal("duration", "PT1H"))
            .Add("remind", "Log", Template("message", "reminder"))
            .Add("join", "Join")
            .Chain("start", "fork")
            .Connect("fork", "reminder")
            .Connect("fork", "call")
            .Chain("reminder", "remind", "join")
            .Connect("call", "join")
            .Json);
        var run = await engine.StartAsync("notify", new JsonObject { ["url"] = server.BaseUrl });
        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("http-status", run.SubStatus);
        Assert.Equal(BookmarkKinds.Timer, Assert.Single(run.Bookmarks).Kind);

        // The reminder's timer comes due while the instance is faulted: it is consumed and parked, not lost.
        await engine.AdvanceAsync(TimeSpan.FromHours(1));
        var faulted = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, faulted.Status);
        Assert.Null(await engine.NextTimerDueAsync());
        Assert.Empty(await engine.JournalAsync(run.InstanceId, JournalEvents.Log));

        server.RespondWith(_ => (200, """{"sent":true}""", "application/json"));
        var retried = await engine.RetryAsync(run.InstanceId);

        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(200, state.Variables["status"]!.GetValue<int>());
        Assert.True(Assert.Single(state.Incidents).Resolved);
        Assert.Equal(1, state.Activities["call"].Runs);
        Assert.Equal(1, state.Activities["join"].Runs);
        Assert.Equal("reminder", Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Message);
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.WorkflowRetried));
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(server.Requests.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Only_a_faulted_instance_can_be_retried()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("waits").Add("start", "Start").Add("w", "WaitForEvent", Literal("eventName", "e")).Chain("start", "w").Json);
        var run = await engine.StartAsync("waits");

        await Assert.ThrowsAsync<BookmarkConflictException>(() => engine.RetryAsync(run.InstanceId));
    }

    [Fact]
    public async Task Cancelling_a_faulted_instance_drops_its_failed_step_and_parked_work()
    {
        using var engine = new EngineHarness();
        engine.Publish(Parallel("fault"));
        var run = await engine.StartAsync("parallel-fault");

        var cancelled = await engine.CancelAsync(run.InstanceId, "Given up.");

        Assert.Equal(WorkflowStatus.Cancelled, cancelled.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Null(state.FaultedWork);
        Assert.Empty(state.Queue);
        await Assert.ThrowsAsync<BookmarkConflictException>(() => engine.RetryAsync(run.InstanceId));
    }
}
