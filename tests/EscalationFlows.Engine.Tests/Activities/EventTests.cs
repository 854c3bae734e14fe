using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class EventTests
{
    [Fact]
    public async Task WaitForEvent_is_resumed_only_by_an_event_with_its_correlation_id_and_stores_the_payload()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("wait-event")
            .Variable("reply")
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", MapOutputs(("payload", "reply")), Literal("eventName", "customer-replied"))
            .Chain("start", "wait")
            .Json);
        var first = await engine.StartAsync("wait-event", correlationId: "INC-1");
        var second = await engine.StartAsync("wait-event", correlationId: "INC-2");

        var result = await engine.PublishAsync("customer-replied", new JsonObject { ["text"] = "thanks" }, correlationId: "INC-2");

        Assert.Equal(second.InstanceId, Assert.Single(result.Resumed).InstanceId);
        Assert.Equal(WorkflowStatus.Suspended, (await engine.StateAsync(first.InstanceId)).Status);
        var done = await engine.StateAsync(second.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, done.Status);
        Assert.Equal("thanks", done.Variables["reply"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task WaitForEvent_with_an_explicit_correlation_expression_matches_that_value()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("wait-explicit")
            .Inputs([new JsonObject { ["name"] = "orderId", ["type"] = "string" }])
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", Literal("eventName", "paid"), Js("correlationId", "'order-' + orderId"))
            .Chain("start", "wait")
            .Json);
        var run = await engine.StartAsync("wait-explicit", new JsonObject { ["orderId"] = "77" });

        Assert.Empty((await engine.PublishAsync("paid", correlationId: "order-78")).Resumed);
        Assert.Single((await engine.PublishAsync("PAID", correlationId: "order-77")).Resumed);
        Assert.Equal(WorkflowStatus.Finished, (await engine.StateAsync(run.InstanceId)).Status);
    }

    [Fact]
    public async Task EventTrigger_starts_a_published_workflow_with_the_event_payload_as_its_output()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("on-ticket")
            .Variable("ticket")
            .Add("trigger", "EventTrigger", MapOutputs(("payload", "ticket")), Literal("eventName", "ticket-created"))
            .Add("log", "Log", Template("message", "{{ ticket.key }}"))
            .Chain("trigger", "log")
            .Json);

        var result = await engine.PublishAsync("ticket-created", new JsonObject { ["key"] = "INC-9" }, correlationId: "INC-9");

        var started = Assert.Single(result.Started);
        Assert.Equal(WorkflowStatus.Finished, started.Status);
        Assert.Equal("INC-9", started.CorrelationId);
        var state = await engine.StateAsync(started.InstanceId);
        Assert.Equal("INC-9", state.ActivityOutputs["trigger"]!["payload"]!["key"]!.GetValue<string>());
        Assert.Equal("INC-9", Assert.Single(await engine.JournalAsync(started.InstanceId, JournalEvents.Log)).Message);
    }

    [Fact]
    public async Task EventTrigger_of_an_unpublished_draft_does_not_start_anything()
    {
        using var engine = new EngineHarness();
        var definition = engine.Reader.ReadValid(new Flow("draft-trigger")
            .Add("trigger", "EventTrigger", Literal("eventName", "ping"))
            .Json);
        await engine.Definitions.SaveAsync(definition, null, CancellationToken.None);

        Assert.Empty((await engine.PublishAsync("ping")).Started);
    }
}
