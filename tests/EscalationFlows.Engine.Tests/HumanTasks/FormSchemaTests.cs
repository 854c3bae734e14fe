using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;

namespace EscalationFlows.Engine.Tests.HumanTasks;

public sealed class FormSchemaTests
{
    private static readonly FormSchema Form = FormSchema.Parse(JsonNode.Parse("""
        {
          "schema": {
            "type": "object",
            "properties": {
              "email": { "type": "string", "format": "email" },
              "callbackAt": { "type": "string", "format": "date-time" },
              "severity": { "type": "string", "enum": ["low", "high"] },
              "minutes": { "type": "integer" }
            },
            "required": ["email", "severity"],
            "additionalProperties": false
          },
          "uiSchema": { "ui:order": ["severity", "email", "callbackAt", "minutes"], "email": { "ui:help": "Where we write to you" } }
        }
        """));

    [Fact]
    public void Valid_data_has_no_errors()
    {
        Assert.Empty(Form.Validate(JsonNode.Parse("""{ "email": "ana@example.com", "severity": "high", "callbackAt": "2026-12-01T09:00:00Z", "minutes": 5 }""")));
    }

    [Fact]
    public void Each_invalid_field_is_named_by_pointer_with_a_plain_sentence()
    {
        var errors = Form.Validate(JsonNode.Parse("""{ "email": "not-an-email", "callbackAt": "tomorrow", "minutes": 1.5, "extra": 1 }"""));

        Assert.Contains(errors, e => e.Pointer == "/severity" && e.Message == "'severity' is required.");
        Assert.Contains(errors, e => e.Pointer == "/email" && e.Message == "'email' is not a valid email address.");
        Assert.Contains(errors, e => e.Pointer == "/callbackAt" && e.Message.StartsWith("'callbackAt' is not a valid date and time", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Pointer == "/minutes" && e.Message == "'minutes' should be an integer but is a number.");
        Assert.Contains(errors, e => e.Pointer == "/extra" && e.Message == "'extra' is not a field of this form.");
    }

    [Fact]
    public void Data_that_is_not_an_object_is_one_error_at_the_root()
    {
        var error = Assert.Single(Form.Validate(JsonValue.Create(3)));
        Assert.Equal(string.Empty, error.Pointer);
    }

    [Fact]
    public void A_schema_that_is_not_a_json_schema_is_reported_where_it_breaks()
    {
        var errors = FormSchema.Check(JsonNode.Parse("""{ "schema": { "type": "object", "properties": { "n": { "minimum": "ten" } } } }"""));

        Assert.Contains(errors, e => e.Pointer == "/schema/properties/n/minimum");
    }

    [Fact]
    public void A_reference_that_cannot_be_resolved_is_refused_and_nothing_is_fetched()
    {
        var errors = FormSchema.Check(JsonNode.Parse("""{ "schema": { "type": "object", "properties": { "n": { "$ref": "https://example.com/remote.json" } } } }"""));

        Assert.Contains(errors, e => e.Pointer == "/schema/properties/n/$ref");
    }
}
