using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Definitions;

public sealed class DefinitionJsonRoundTripTests
{
    [Fact]
    public void A_serialized_definition_has_no_computed_properties_and_validates_again()
    {
        using var engine = new EngineHarness();
        var json = new Flow("round-trip", incidentStrategy: "continue")
            .Variable("result")
            .Outputs([new JsonObject { ["name"] = "result" }])
            .Add("start", "Start")
            .Add("set", "SetVariable", Literal("variable", "result"), Js("value", "1 + 1"))
            .Add("end", "End")
            .Chain("start", "set", "end")
            .Json;
        var definition = engine.Reader.ReadValid(json);

        var serialized = WorkflowJson.Serialize(definition);

        foreach (var computed in new[] { "displayName", "sourcePort", "\"key\"", "\"text\"", "sourceVariable" })
        {
            Assert.DoesNotContain(computed, serialized, StringComparison.Ordinal);
        }

        Assert.False(JsonNode.Parse(serialized)!.AsObject().ContainsKey("incidentStrategy"));

        var again = engine.Reader.Read(serialized);
        Assert.True(again.IsValid, string.Join("; ", again.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(serialized, WorkflowJson.Serialize(again.Definition));
    }
}
