using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.ChildWorkflows;

public sealed class ChildLifecycleTests
{
    private static string Parent() => new Flow("parent")
        .Inputs([new JsonObject { ["name"] = "url", ["type"] = "string" }])
        .Variable("path")
        .Add("start", "Start")
        .Add("run", "RunWorkflow", Literal("definitionId", "child"), Js("input", "({ url: url })"))
        .Add("ok", "SetVariable", Literal("variable", "path"), Literal("value", "done"))
        .Chain("start", "run", "ok")
        .Json;

    private static string FragileChild() => new Flow("child", "fault")
        .Inputs([new JsonObject { ["name"] = "url", ["type"] = "string" }])
        .Add("start", "Start")
        .Add("call", "SendHttpRequest", Input("url", "url"))
        .Chain("start", "call")
        .Json;

    private static string ChildId(WorkflowState parent) => parent.ActivityOutputs["run"]!["childInstanceId"]!.GetValue<string>();

    [Fact]
    public async Task A_faulted_child_keeps_its_parent_waiting_until_it_is_retried_and_finishes()
    {
        using var server = new LocalHttpServer(_ => (503, "down", "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(FragileChild());
        engine.Publish(Parent());

        var run = await engine.StartAsync("parent", new JsonObject { ["url"] = server.BaseUrl });
        var childId = ChildId(await engine.StateAsync(run.InstanceId));

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal(WorkflowStatus.Faulted, (await engine.StateAsync(childId)).Status);

        server.RespondWith(_ => (200, "{}", "application/json"));
        await engine.RetryAsync(childId);

        var parent = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, parent.Status);
        Assert.Equal("done", parent.Variables["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_its_running_child()
    {
        using var server = new LocalHttpServer(_ => (503, "down", "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(FragileChild());
        engine.Publish(Parent());
        var run = await engine.StartAsync("parent", new JsonObject { ["url"] = server.BaseUrl });
        var childId = ChildId(await engine.StateAsync(run.InstanceId));

        await engine.CancelAsync(run.InstanceId, "Withdrawn.");

        Assert.Equal(WorkflowStatus.Cancelled, (await engine.StateAsync(run.InstanceId)).Status);
        var child = await engine.StateAsync(childId);
        Assert.Equal(WorkflowStatus.Cancelled, child.Status);
        Assert.Null(child.FaultedWork);
    }
}
