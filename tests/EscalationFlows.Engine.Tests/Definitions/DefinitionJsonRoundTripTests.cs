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

    [Theory]
    [InlineData("{ \"definitionId\": ", "is not valid JSON")]
    [InlineData("[[[[", "is not valid JSON")]
    [InlineData("{ \"a\": 1 }}", "is not valid JSON")]
    public void Truncated_or_malformed_json_is_not_reported_as_too_deep(string json, string expected)
    {
        using var engine = new EngineHarness();

        var error = Assert.Single(engine.Reader.Read(json).Errors);

        Assert.Equal("invalid-json", error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_reported_as_too_deep()
    {
        using var engine = new EngineHarness();

        var error = Assert.Single(engine.Reader.Read(new string('[', 100) + new string(']', 100)).Errors);

        Assert.Equal("invalid-json", error.Code);
        Assert.Contains($"nested deeper than {WorkflowJson.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }
}
