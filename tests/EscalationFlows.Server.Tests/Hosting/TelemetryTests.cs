using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Telemetry;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Hosting;

[Collection(ServerCollection.Name)]
public sealed class TelemetryTests(ServerFixture server)
{
    [Fact]
    public async Task Runtime_operations_are_traced_on_the_EscalationFlows_activity_source()
    {
        var id = Ids.New("traced");
        var seen = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EscalationFlowsTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("escalationflows.definition_id"), id))
                {
                    seen.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await (await server.Client.PostJsonAsync("/api/workflow-definitions/import?publish=true", Workflows.Waiting(id, "traced.event").Json)).ReadObjectAsync(HttpStatusCode.Created);

        var run = await (await server.Client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);
        await (await server.Client.PostEmptyAsync($"/api/bookmarks/{run["bookmarks"]![0]!["id"]}/resume")).ReadObjectAsync();

        var start = Assert.Single(seen, a => a.OperationName == "workflow.start");
        Assert.Equal(run["id"]!.GetValue<string>(), start.GetTagItem("escalationflows.instance_id"));
        Assert.Equal("Suspended", start.GetTagItem("escalationflows.status"));
        var resume = Assert.Single(seen, a => a.OperationName == "workflow.resume");
        Assert.Equal("Finished", resume.GetTagItem("escalationflows.status"));
        Assert.NotNull(resume.Parent);
    }
}
