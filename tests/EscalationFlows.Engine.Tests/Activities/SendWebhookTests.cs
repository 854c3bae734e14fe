using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class SendWebhookTests
{
    private static string WebhookFlow(params (string, string, JsonNode?)[] inputs) => new Flow("hook")
        .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "string" }])
        .Variable("sent")
        .Add("start", "Start")
        .Add("hook", "SendWebhook", MapOutputs(("messageId", "sent")), inputs)
        .Add("end", "End")
        .Chain("start", "hook", "end")
        .Json;

    private static async Task<IReadOnlyList<OutboxMessage>> PendingWebhooksAsync(EngineHarness engine) =>
        await engine.Store.ClaimOutboxAsync(engine.Clock.GetUtcNow(), 100, "test", TimeSpan.FromMinutes(1), [SendWebhookActivity.OutboxKind], CancellationToken.None);

    [Fact]
    public async Task The_webhook_is_an_outbox_message_written_with_the_burst_and_its_id_is_the_output()
    {
        using var engine = new EngineHarness();
        engine.Publish(WebhookFlow(
            Template("url", "https://hooks.example.com/tickets/{{ ticket }}"),
            Js("body", "({ event: 'escalated', ticket: ticket })"),
            Literal("headers", new JsonObject { ["X-Team"] = "ops" })));

        var run = await engine.StartAsync("hook", new JsonObject { ["ticket"] = "INC-7" });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        var message = Assert.Single(await PendingWebhooksAsync(engine));
        Assert.Equal(run.InstanceId, message.InstanceId);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"url":"https://hooks.example.com/tickets/INC-7","body":{"event":"escalated","ticket":"INC-7"},"headers":{"X-Team":"ops"}}"""),
            message.Payload), message.Payload.ToJsonString());
        Assert.Equal(message.Id, (await engine.StateAsync(run.InstanceId)).Variables["sent"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_url_that_is_not_absolute_http_faults_the_step_and_sends_nothing()
    {
        using var engine = new EngineHarness();
        engine.Publish(WebhookFlow(Literal("url", "ftp://hooks.example.com/x"), Literal("body", new JsonObject { ["a"] = 1 })));

        var run = await engine.StartAsync("hook");

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        var incident = Assert.Single((await engine.StateAsync(run.InstanceId)).Incidents);
        Assert.Equal(("hook", "input-type"), (incident.ActivityId, incident.Code));
        Assert.Empty(await PendingWebhooksAsync(engine));
    }

    [Fact]
    public void It_is_a_built_in_integration_activity_with_a_messageId_output()
    {
        using var engine = new EngineHarness();

        var descriptor = engine.Registry.Find("SendWebhook")!.Descriptor;

        Assert.Equal("Integration", descriptor.Category);
        Assert.Equal(["url", "body", "headers"], descriptor.Inputs.Select(i => i.Name));
        Assert.Equal("messageId", Assert.Single(descriptor.Outputs).Name);
    }
}
