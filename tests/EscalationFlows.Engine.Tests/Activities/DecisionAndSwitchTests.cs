using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class DecisionAndSwitchTests
{
    private static string DecisionFlow(string condition) => new Flow("decision", "fault")
        .Variable("path")
        .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object" }])
        .Add("start", "Start")
        .Add("check", "Decision", Js("condition", condition))
        .Add("yes", "SetVariable", Literal("variable", "path"), Literal("value", "yes"))
        .Add("no", "SetVariable", Literal("variable", "path"), Literal("value", "no"))
        .Chain("start", "check")
        .Connect("check", "yes", "True")
        .Connect("check", "no", "False")
        .Json;

    [Theory]
    [InlineData(1, "yes")]
    [InlineData(4, "no")]
    public async Task Decision_continues_on_True_or_False(int impact, string expected)
    {
        using var engine = new EngineHarness();
        engine.Publish(DecisionFlow("ticket.impact <= 2"));

        var run = await engine.StartAsync("decision", new JsonObject { ["ticket"] = new JsonObject { ["impact"] = impact } });

        Assert.Equal(expected, (await engine.StateAsync(run.InstanceId)).Variables["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decision_treats_null_as_false()
    {
        using var engine = new EngineHarness();
        engine.Publish(DecisionFlow("null"));

        var run = await engine.StartAsync("decision", new JsonObject { ["ticket"] = new JsonObject() });

        Assert.Equal("no", (await engine.StateAsync(run.InstanceId)).Variables["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task Decision_with_a_condition_that_is_not_a_boolean_raises_an_incident()
    {
        using var engine = new EngineHarness();
        engine.Publish(DecisionFlow("'yes'"));

        var run = await engine.StartAsync("decision", new JsonObject { ["ticket"] = new JsonObject() });

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("input-type", incident.Code);
        Assert.Contains("should be true or false", incident.Message, StringComparison.Ordinal);
    }

    private static string SwitchFlow() => new Flow("switch")
        .Variable("route")
        .Inputs([new JsonObject { ["name"] = "impact", ["type"] = "integer" }])
        .Add("start", "Start")
        .Add("route", "Switch", Literal("cases", new JsonArray
        {
            new JsonObject { ["port"] = "Critical", ["condition"] = "impact === 1" },
            new JsonObject { ["port"] = "High", ["condition"] = "impact <= 2" },
            new JsonObject { ["port"] = "AlsoHigh", ["condition"] = "impact <= 3" },
        }))
        .Add("critical", "SetVariable", Literal("variable", "route"), Literal("value", "critical"))
        .Add("high", "SetVariable", Literal("variable", "route"), Literal("value", "high"))
        .Add("alsoHigh", "SetVariable", Literal("variable", "route"), Literal("value", "alsoHigh"))
        .Add("other", "SetVariable", Literal("variable", "route"), Literal("value", "default"))
        .Chain("start", "route")
        .Connect("route", "critical", "Critical")
        .Connect("route", "high", "High")
        .Connect("route", "alsoHigh", "AlsoHigh")
        .Connect("route", "other", "Default")
        .Json;

    [Theory]
    [InlineData(1, "critical")]
    [InlineData(2, "high")]
    [InlineData(3, "alsoHigh")]
    [InlineData(5, "default")]
    public async Task Switch_continues_on_the_first_matching_case_else_on_Default(int impact, string expected)
    {
        using var engine = new EngineHarness();
        engine.Publish(SwitchFlow());

        var run = await engine.StartAsync("switch", new JsonObject { ["impact"] = impact });

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(expected, (await engine.StateAsync(run.InstanceId)).Variables["route"]!.GetValue<string>());
        var completed = (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityCompleted)).Single(j => j.ActivityId == "route");
        Assert.Single(completed.Outcomes!);
    }
}
