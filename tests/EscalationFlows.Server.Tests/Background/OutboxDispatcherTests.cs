using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Background;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public async Task Outbox_messages_are_delivered_by_the_dispatcher_and_retried_after_a_failure()
    {
        var handler = new RecordingOutboxHandler { FailuresLeft = 1 };
        await using var factory = new ServerFactory(services: services =>
        {
            services.AddActivity<NotifyActivity>();
            services.AddSingleton<IOutboxHandler>(handler);
        });
        using var client = factory.CreateClient();
        var id = Ids.New("notify");
        var flow = new Flow(id).Add("start", "Start").Add("notify", "Test.Notify", Literal("text", "escalated")).Add("end", "End").Chain("start", "notify", "end");
        await (await client.PostJsonAsync("/api/workflow-definitions/import?publish=true", flow.Json)).ReadObjectAsync(HttpStatusCode.Created);

        var run = await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("Finished", run["status"]!.GetValue<string>());

        // The dispatcher polls on the fake clock: the first attempt fails, the retry is due 5 s after the failure was
        // recorded. The clock moves a second per poll, so the test does not depend on when that record is written.
        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => Task.FromResult(handler.Attempts), a => a >= 1, "the first delivery attempt");
        Assert.Empty(handler.Delivered);
        await Poll.UntilAsync(() =>
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(1));
            return Task.FromResult(handler.Delivered.Count);
        }, c => c == 1, "the retried delivery");

        var message = Assert.Single(handler.Delivered);
        Assert.Equal(run["id"]!.GetValue<string>(), message.InstanceId);
        Assert.Equal("escalated", message.Payload["text"]!.GetValue<string>());
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(2, handler.Attempts);
    }
}
