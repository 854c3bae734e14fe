using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class RunWorkflowTests
{
    private static string DoublingChild() => new Flow("doubler")
        .Inputs([new JsonObject { ["name"] = "amount", ["type"] = "integer", ["required"] = true }])
        .Variable("doubled")
        .Outputs([new JsonObject { ["name"] = "doubled" }])
        .Add("start", "Start")
        .Add("double", "SetVariable", Literal("variable", "doubled"), Js("value", "amount * 2"))
        .Chain("start", "double")
        .Json;

    private static string WaitingChild() => new Flow("waiter")
        .Add("start", "Start")
        .Add("wait", "WaitForEvent", Literal("eventName", "child-go"))
        .Chain("start", "wait")
        .Json;

    private static string Parent(string child, string inputCode) => new Flow("parent")
        .Variable("childResult")
        .Variable("error")
        .Variable("path")
        .Add("start", "Start")
        .Add("run", "RunWorkflow", MapOutputs(("output", "childResult"), ("error", "error")), Literal("definitionId", child), Js("input", inputCode))
        .Add("ok", "SetVariable", Literal("variable", "path"), Literal("value", "done"))
        .Add("failed", "SetVariable", Literal("variable", "path"), Literal("value", "failed"))
        .Chain("start", "run")
        .Connect("run", "ok")
        .Connect("run", "failed", "Failed")
        .Json;

    [Fact]
    public async Task RunWorkflow_starts_the_child_with_its_input_and_returns_the_child_outputs()
    {
        using var engine = new EngineHarness();
        engine.Publish(DoublingChild());
        engine.Publish(Parent("doubler", "({ amount: 21 })"));

        var run = await engine.StartAsync("parent", correlationId: "INC-1");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal("done", state.Variables["path"]!.GetValue<string>());
        Assert.Equal(42, state.Variables["childResult"]!["doubled"]!.GetValue<int>());
        var childId = state.ActivityOutputs["run"]!["childInstanceId"]!.GetValue<string>();
        var child = await engine.StateAsync(childId);
        Assert.Equal(WorkflowStatus.Finished, child.Status);
        Assert.Equal(run.InstanceId, child.ParentInstanceId);
        Assert.Equal("INC-1", child.CorrelationId);
    }

    [Fact]
    public async Task RunWorkflow_continues_on_Failed_when_the_child_is_cancelled()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitingChild());
        engine.Publish(Parent("waiter", "({})"));
        var run = await engine.StartAsync("parent");
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        var childId = (await engine.StateAsync(run.InstanceId)).ActivityOutputs["run"]!["childInstanceId"]!.GetValue<string>();

        await engine.CancelAsync(childId, "No longer needed.");

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("failed", state.Variables["path"]!.GetValue<string>());
        Assert.Contains("cancelled", state.Variables["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunWorkflow_continues_on_Failed_when_the_child_cannot_start()
    {
        using var engine = new EngineHarness();
        engine.Publish(DoublingChild());
        engine.Publish(Parent("doubler", "({ amount: 'many' })"));

        var run = await engine.StartAsync("parent");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal("failed", state.Variables["path"]!.GetValue<string>());
        Assert.Contains("amount", state.Variables["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_in_the_parent_cancels_a_running_child()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitingChild());
        engine.Publish(new Flow("ender")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("run", "RunWorkflow", Literal("definitionId", "waiter"))
            .Add("end", "End")
            .Chain("start", "fork")
            .Connect("fork", "run")
            .Connect("fork", "end")
            .Json);

        var run = await engine.StartAsync("ender");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var childId = (await engine.StateAsync(run.InstanceId)).ActivityOutputs["run"]!["childInstanceId"]!.GetValue<string>();
        var child = await engine.StateAsync(childId);
        Assert.Equal(WorkflowStatus.Cancelled, child.Status);
        Assert.Empty(child.Bookmarks);
    }

    [Fact]
    public async Task A_WaitAny_join_cancels_a_losing_child_workflow()
    {
        using var engine = new EngineHarness();
        engine.Publish(WaitingChild());
        engine.Publish(new Flow("race")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("run", "RunWorkflow", Literal("definitionId", "waiter"))
            .Add("quick", "Log", Template("message", "quick"))
            .Add("join", "Join", Literal("mode", "WaitAny"))
            .Chain("start", "fork")
            .Connect("fork", "run")
            .Connect("fork", "quick")
            .Connect("run", "join")
            .Connect("quick", "join")
            .Json);

        var run = await engine.StartAsync("race");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var childId = (await engine.StateAsync(run.InstanceId)).ActivityOutputs["run"]!["childInstanceId"]!.GetValue<string>();
        Assert.Equal(WorkflowStatus.Cancelled, (await engine.StateAsync(childId)).Status);
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityCancelled), j => j.ActivityId == "run");
    }

    [Fact]
    public async Task A_workflow_that_runs_itself_does_not_recurse_without_end_in_one_request()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("ouroboros")
            .Add("start", "Start")
            .Add("again", "RunWorkflow", Literal("definitionId", "ouroboros"))
            .Chain("start", "again")
            .Json);

        var run = await engine.StartAsync("ouroboros");

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.True(await engine.Store.ClaimOutboxAsync(engine.Clock.GetUtcNow(), 10, "test", TimeSpan.FromMinutes(1), null, TestContext.Current.CancellationToken) is { Count: > 0 },
            "past the inline delivery depth the next child start waits in the outbox for the dispatcher");
    }
}
