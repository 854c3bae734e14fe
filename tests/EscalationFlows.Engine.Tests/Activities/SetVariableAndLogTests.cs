using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Activities;

public sealed class SetVariableAndLogTests
{
    [Fact]
    public async Task SetVariable_stores_the_value_of_its_expression_in_the_declared_variable()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("set")
            .Variable("severity", 0)
            .Variable("tags", new JsonArray())
            .Add("start", "Start")
            .Add("bump", "SetVariable", Literal("variable", "severity"), Js("value", "vars.severity + 2"))
            .Add("tag", "SetVariable", Literal("variable", "tags"), Js("value", "[...tags, 'vip', severity]"))
            .Chain("start", "bump", "tag")
            .Json);

        var run = await engine.StartAsync("set");

        var variables = (await engine.StateAsync(run.InstanceId)).Variables;
        Assert.Equal(2, variables["severity"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(new JsonArray("vip", 2), variables["tags"]));
    }

    [Fact]
    public async Task Log_writes_its_rendered_message_to_the_journal()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("log")
            .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object" }])
            .Add("start", "Start")
            .Add("log", "Log", Template("message", "Ticket {{ ticket.key }} has impact {{ ticket.impact }}"), Literal("level", "Warning"))
            .Chain("start", "log")
            .Json);

        var run = await engine.StartAsync("log", new JsonObject { ["ticket"] = new JsonObject { ["key"] = "INC-7", ["impact"] = 2 } });

        var entry = Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log));
        Assert.Equal("log", entry.ActivityId);
        Assert.Equal("Ticket INC-7 has impact 2", entry.Message);
    }
}
