using System.Text.Json.Nodes;
using EscalationFlows.Engine.Tests.Support;
using EscalationFlows.Engine.Validation;
using static EscalationFlows.Engine.Tests.Support.Flow;
using static EscalationFlows.Engine.Tests.Validation.ValidationAssert;

namespace EscalationFlows.Engine.Tests.Validation;

public sealed class ParseAndSchemaErrorTests : IDisposable
{
    private readonly EngineHarness _engine = new();

    public void Dispose() => _engine.Dispose();

    private static JsonObject Valid() => new Flow("valid")
        .Add("start", "Start")
        .Add("log", "Log", Template("message", "hi"))
        .Chain("start", "log")
        .ToJsonObject();

    private DefinitionReadResult Read(JsonObject document) => _engine.Reader.Read(document.ToJsonString());

    [Fact]
    public void A_valid_definition_reads_without_errors()
    {
        var result = Read(Valid());

        Assert.True(result.IsValid, Describe(result));
        Assert.Equal("valid", result.Definition!.DefinitionId);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_invalid_json_with_its_position()
    {
        var result = _engine.Reader.Read("{\n  \"definitionId\": \"x\",\n  \"name\": }");

        var error = HasError(result, string.Empty, DefinitionErrorCodes.InvalidJson);
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_thousand_levels_of_nesting_are_refused_while_parsing()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000);

        var error = HasError(_engine.Reader.Read(deep), string.Empty, DefinitionErrorCodes.InvalidJson);
        Assert.Contains("nested deeper than 64 levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_that_is_not_an_object_is_a_schema_error()
    {
        HasError(_engine.Reader.Read("[1, 2]"), string.Empty, DefinitionErrorCodes.Schema);
    }

    [Fact]
    public void A_type_gadget_property_at_the_root_is_rejected_by_name()
    {
        var document = Valid();
        document["$type"] = "System.Diagnostics.Process, System.Diagnostics.Process";

        var error = HasError(Read(document), "/$type", DefinitionErrorCodes.Schema);
        Assert.Equal("'$type' is not a property this object may have; check the spelling or remove it.", error.Message);
    }

    [Theory]
    [InlineData("$type")]
    [InlineData("_type")]
    [InlineData("$id")]
    public void A_type_gadget_property_inside_an_activity_is_rejected(string property)
    {
        var document = Valid();
        document["root"]!["activities"]![1]![property] = "System.Windows.Data.ObjectDataProvider, PresentationFramework";

        HasError(Read(document), $"/root/activities/1/{property}", DefinitionErrorCodes.Schema);
    }

    [Fact]
    public void A_missing_required_property_names_it()
    {
        var document = Valid();
        document.Remove("name");

        var error = HasError(Read(document), string.Empty, DefinitionErrorCodes.Schema);
        Assert.Equal("The property 'name' is required here.", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_says_what_was_expected()
    {
        var document = Valid();
        document["name"] = 42;

        var error = HasError(Read(document), "/name", DefinitionErrorCodes.Schema);
        Assert.Equal("'name' should be a string but is a number.", error.Message);
    }

    [Fact]
    public void A_value_outside_an_enumeration_lists_the_allowed_values()
    {
        var document = Valid();
        document["options"] = new JsonObject { ["incidentStrategy"] = "explode" };

        var error = HasError(Read(document), "/options/incidentStrategy", DefinitionErrorCodes.Schema);
        Assert.Contains("\"fault\", \"continue\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_id_with_forbidden_characters_fails_its_pattern()
    {
        var document = Valid();
        document["root"]!["activities"]![1]!["id"] = "log entry";

        var error = HasError(Read(document), "/root/activities/1/id", DefinitionErrorCodes.Schema);
        Assert.Contains("\"log entry\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_expression_without_a_value_is_reported_at_the_expression()
    {
        var document = Valid();
        document["root"]!["activities"]![1]!["inputs"]!["message"]!["expression"] = new JsonObject { ["type"] = "template" };

        var error = HasError(Read(document), "/root/activities/1/inputs/message/expression", DefinitionErrorCodes.Schema);
        Assert.Equal("The property 'value' is required here.", error.Message);
    }

    [Fact]
    public void Schema_messages_are_plain_sentences_without_validator_jargon()
    {
        var document = Valid();
        document["bogus"] = true;
        document["root"]!["activities"]![0]!["type"] = "lowercase";
        document["root"]!["connections"]![0]!["target"] = new JsonObject();

        var result = Read(document);

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, e =>
        {
            Assert.DoesNotContain("false schema", e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("indicated regular expression", e.Message, StringComparison.OrdinalIgnoreCase);
            Assert.EndsWith(".", e.Message, StringComparison.Ordinal);
        });
        Assert.Equal(["/bogus", "/root/activities/0/type", "/root/connections/0/target"], result.Errors.Select(e => e.Pointer).Order(StringComparer.Ordinal));
    }
}
