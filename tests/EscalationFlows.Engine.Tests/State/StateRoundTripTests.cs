using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.State;

public sealed class StateRoundTripTests
{
    private static void AssertRoundTrips(WorkflowState state)
    {
        var json = WorkflowJson.Serialize(state);
        var back = WorkflowJson.Deserialize<WorkflowState>(json)!;

        var options = new System.Text.Json.JsonDocumentOptions { MaxDepth = WorkflowJson.MaxSerializerDepth };
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json, documentOptions: options), JsonNode.Parse(WorkflowJson.Serialize(back), documentOptions: options)), json);
        Assert.DoesNotContain("\"isEnded\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_suspended_instance_with_every_kind_of_data_round_trips()
    {
        using var engine = new EngineHarness();
        var state = await InstanceStates.SuspendedWithEverything(engine);

        AssertRoundTrips(state);
        Assert.NotEmpty(state.Bookmarks);
        Assert.NotEmpty(state.Incidents);
        Assert.NotEmpty(state.Activities["join"].JoinArrivals!);
    }

    [Fact]
    public async Task A_faulted_instance_with_its_failed_step_and_pending_tokens_round_trips()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("faulted", "fault")
            .Variable("x")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("broken", "SetVariable", Literal("variable", "x"), Js("value", "null.x"))
            .Add("later", "Log", Template("message", "later"))
            .Chain("start", "fork")
            .Connect("fork", "broken")
            .Connect("fork", "later")
            .Json);
        var run = await engine.StartAsync("faulted");

        var state = await engine.StateAsync(run.InstanceId);

        Assert.NotNull(state.FaultedWork);
        Assert.NotEmpty(state.Queue);
        AssertRoundTrips(state);
    }

    [Fact]
    public async Task A_retry_bookmark_keeps_the_interrupted_continuation_and_its_input_through_storage()
    {
        using var engine = new EngineHarness(services => services.AddActivity<FlakyResumeActivity>());
        engine.Publish(new Flow("flaky-resume")
            .Variable("got")
            .Add("start", "Start")
            .Add("wait", "Test.FlakyResume", Merge(Retry(maxAttempts: 2, delay: "PT1M"), MapOutputs(("received", "got"))))
            .Chain("start", "wait")
            .Json);
        var run = await engine.StartAsync("flaky-resume");
        var waiting = Assert.Single(run.Bookmarks);

        await engine.PublishAsync("flaky", new JsonObject { ["answer"] = 42, ["when"] = "2026-11-30T09:00:00Z" });

        var stored = await engine.StateAsync(run.InstanceId);
        var retry = Assert.Single(stored.Bookmarks);
        Assert.Equal(BookmarkKinds.Retry, retry.Kind);
        AssertRoundTrips(stored);
        var work = WorkflowJson.Deserialize<WorkItem>(retry.Payload)!;
        Assert.Equal((waiting.Id, 2, true), (work.ResumeBookmark!.Id, work.Attempt, work.Retry));
        Assert.Equal(42, work.ResumeInput!["answer"]!.GetValue<int>());

        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, final.Status);
        Assert.Equal(42, final.Variables["got"]!["answer"]!.GetValue<int>());
        Assert.Equal(1, final.Activities["wait"].Runs);
    }

    [Fact]
    public async Task A_finished_instance_with_outputs_round_trips()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("done")
            .Variable("v", new JsonObject { ["nested"] = new JsonArray(1, 2.5, "x", true, null) })
            .Outputs([new JsonObject { ["name"] = "v" }])
            .Add("start", "Start")
            .Json);

        var run = await engine.StartAsync("done", correlationId: "C");

        AssertRoundTrips(await engine.StateAsync(run.InstanceId));
    }

    [Fact]
    public async Task Values_nested_as_deep_as_a_document_may_be_are_stored_inside_the_state()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("deep")
            .Variable("payload")
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", MapOutputs(("payload", "payload")), Literal("eventName", "deep"))
            .Add("more", "WaitForEvent", Literal("eventName", "more"))
            .Chain("start", "wait", "more")
            .Json);
        var run = await engine.StartAsync("deep");
        JsonNode deep = new JsonObject { ["leaf"] = true };
        for (var i = 0; i < WorkflowJson.MaxDepth - 2; i++)
        {
            deep = new JsonObject { ["d"] = deep };
        }

        await engine.PublishAsync("deep", deep);

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Suspended, state.Status);
        AssertRoundTrips(state);
    }
}
