using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Execution;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_linear_flow_with_a_decision_finishes_with_its_output()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("smoke")
            .Variable("severity")
            .Outputs([new JsonObject { ["name"] = "severity" }])
            .Add("start", "Start")
            .Add("set", "SetVariable", Literal("variable", "severity"), Js("value", "ticket.impact * 2"))
            .Add("check", "Decision", Js("condition", "vars.severity > 3"))
            .Add("high", "SetVariable", Literal("variable", "severity"), Literal("value", "high"))
            .Add("end", "End")
            .Chain("start", "set", "check")
            .Connect("check", "high", "True")
            .Connect("check", "end", "False")
            .Connect("high", "end")
            .Json);

        var run = await engine.StartAsync("smoke", new JsonObject { ["ticket"] = new JsonObject { ["impact"] = 2 } });

        Assert.True(run.Status == WorkflowStatus.Finished, string.Join("; ", run.Incidents.Select(i => i.Message)));
        Assert.Equal("high", run.Output!["severity"]!.GetValue<string>());
    }
}
