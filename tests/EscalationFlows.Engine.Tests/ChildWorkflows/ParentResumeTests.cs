using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.ChildWorkflows;

public sealed class ParentResumeTests
{
    private static string Child(bool waits)
    {
        var flow = new Flow("child")
            .Inputs([new JsonObject { ["name"] = "n", ["type"] = "integer" }])
            .Variable("square")
            .Outputs([new JsonObject { ["name"] = "square" }])
            .Add("start", "Start")
            .Add("square", "SetVariable", Literal("variable", "square"), Js("value", "n * n"));
        if (waits)
        {
            flow.Add("wait", "WaitForEvent", Literal("eventName", "child-go")).Chain("start", "wait", "square");
        }
        else
        {
            flow.Chain("start", "square");
        }

        return flow.Json;
    }

    private static string Parent() => new Flow("parent")
        .Variable("result")
        .Variable("runs", 0)
        .Add("start", "Start")
        .Add("run", "RunWorkflow", MapOutputs(("output", "result")), Literal("definitionId", "child"), Js("input", "({ n: 7 })"))
        .Add("after", "SetVariable", Literal("variable", "runs"), Js("value", "runs + 1"))
        .Chain("start", "run", "after")
        .Json;

    private static async Task AssertResumedOnce(EngineHarness engine, string parentId)
    {
        var parent = await engine.StateAsync(parentId);
        Assert.Equal(WorkflowStatus.Finished, parent.Status);
        Assert.Equal(49, parent.Variables["result"]!["square"]!.GetValue<int>());
        Assert.Equal(1, parent.Variables["runs"]!.GetValue<int>());
        var childBookmark = (await engine.JournalAsync(parentId, JournalEvents.ActivitySuspended)).Single(j => j.ActivityId == "run").BookmarkId!;
        var resumed = await engine.JournalAsync(parentId, JournalEvents.ActivityResumed);
        Assert.Equal(childBookmark, Assert.Single(resumed).BookmarkId);
        Assert.Equal(BookmarkState.Consumed, (await engine.StoredBookmarkAsync(childBookmark))!.State);
    }

    [Fact]
    public async Task A_child_that_finishes_in_the_same_request_resumes_the_parent_exactly_once()
    {
        using var engine = new EngineHarness();
        engine.Publish(Child(waits: false));
        engine.Publish(Parent());

        var run = await engine.StartAsync("parent");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        await AssertResumedOnce(engine, run.InstanceId);
        Assert.Equal(0, await engine.Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_child_that_waits_first_resumes_the_parent_exactly_once_when_it_finishes_later()
    {
        using var engine = new EngineHarness();
        engine.Publish(Child(waits: true));
        engine.Publish(Parent());
        var run = await engine.StartAsync("parent");
        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        Assert.Equal(BookmarkKinds.ChildWorkflow, Assert.Single(run.Bookmarks).Kind);

        var childRun = Assert.Single((await engine.PublishAsync("child-go")).Resumed);

        Assert.Equal(WorkflowStatus.Finished, childRun.Status);
        await AssertResumedOnce(engine, run.InstanceId);
    }

    [Fact]
    public async Task A_redelivered_resume_parent_message_does_not_resume_the_parent_twice()
    {
        FlakyDeliveryStore? flaky = null;
        using var engine = new EngineHarness(services => services.AddSingleton<IWorkflowStore>(sp =>
            flaky = new FlakyDeliveryStore(sp.GetRequiredService<InMemoryWorkflowStore>(), OutboxKinds.ResumeParent)));
        engine.Publish(Child(waits: true));
        engine.Publish(Parent());
        var run = await engine.StartAsync("parent");
        await engine.PublishAsync("child-go");
        Assert.Equal(1, flaky!.Failures);
        await AssertResumedOnce(engine, run.InstanceId);

        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        var redelivered = await engine.Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(1, redelivered);
        await AssertResumedOnce(engine, run.InstanceId);
        Assert.Contains(engine.Store.DeliveredOutbox, m => m.Kind == OutboxKinds.ResumeParent);
        Assert.Equal(0, await engine.Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_redelivered_start_child_message_does_not_start_a_second_child()
    {
        FlakyDeliveryStore? flaky = null;
        using var engine = new EngineHarness(services => services.AddSingleton<IWorkflowStore>(sp =>
            flaky = new FlakyDeliveryStore(sp.GetRequiredService<InMemoryWorkflowStore>(), OutboxKinds.StartChild)));
        engine.Publish(Child(waits: true));
        engine.Publish(Parent());
        var run = await engine.StartAsync("parent");
        Assert.Equal(1, flaky!.Failures);

        engine.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await engine.Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken));
        var resumed = (await engine.PublishAsync("child-go")).Resumed;

        Assert.Single(resumed);
        await AssertResumedOnce(engine, run.InstanceId);
    }

    [Fact]
    public async Task A_child_that_finishes_while_the_parent_is_faulted_is_applied_when_the_parent_is_retried()
    {
        using var server = new LocalHttpServer(_ => (500, "down", "text/plain"));
        using var engine = new EngineHarness();
        engine.Publish(Child(waits: true));
        engine.Publish(new Flow("fragile-parent")
            .Inputs([new JsonObject { ["name"] = "url", ["type"] = "string" }])
            .Variable("result")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("run", "RunWorkflow", MapOutputs(("output", "result")), Literal("definitionId", "child"), Js("input", "({ n: 3 })"))
            .Add("call", "SendHttpRequest", Input("url", "url"))
            .Add("join", "Join")
            .Chain("start", "fork")
            .Connect("fork", "run")
            .Connect("fork", "call")
            .Connect("run", "join")
            .Connect("call", "join")
            .Json);
        var run = await engine.StartAsync("fragile-parent", new JsonObject { ["url"] = server.BaseUrl });
        Assert.Equal(WorkflowStatus.Faulted, run.Status);

        await engine.PublishAsync("child-go");
        var parked = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, parked.Status);
        Assert.Empty(parked.Bookmarks);
        Assert.Single(parked.Queue, w => w.ActivityId == "run" && w.ResumeBookmark is not null);

        server.RespondWith(_ => (200, "{}", "application/json"));
        var retried = await engine.RetryAsync(run.InstanceId);

        Assert.Equal(WorkflowStatus.Finished, retried.Status);
        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(9, final.Variables["result"]!["square"]!.GetValue<int>());
        Assert.Equal(1, final.Activities["join"].Runs);
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityResumed));
    }
}
