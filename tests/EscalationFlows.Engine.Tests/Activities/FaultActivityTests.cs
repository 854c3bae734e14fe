using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class FaultActivityTests
{
    [Fact]
    public async Task Fault_raises_an_incident_with_its_code_and_rendered_message_and_faults_the_instance()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("fault")
            .Inputs([new JsonObject { ["name"] = "key", ["type"] = "string" }])
            .Add("start", "Start")
            .Add("fail", "Fault", Template("message", "Ticket {{ key }} has no owner"), Literal("code", "no-owner"))
            .Chain("start", "fail")
            .Json);

        var run = await engine.StartAsync("fault", new JsonObject { ["key"] = "INC-3" });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("no-owner", run.SubStatus);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal(("fail", "Fault", "no-owner", "Ticket INC-3 has no owner"), (incident.ActivityId, incident.ActivityType, incident.Code, incident.Message));
        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal("fail", state.FaultedWork!.ActivityId);
        Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.WorkflowFaulted));
    }
}
