using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Execution;

/// <summary>Checks a JSON value against a declared value type (string, number, integer, boolean, object, array, datetime, duration, any).</summary>
public static class ValueTypes
{
    /// <summary>Null when the value fits; else the end of a sentence such as "should be a number but is a string".</summary>
    public static string? Describe(JsonNode value, string? type)
    {
        if (string.IsNullOrEmpty(type) || type == "any")
        {
            return null;
        }

        var kind = value.GetValueKind();
        var fits = type switch
        {
            "string" => kind == JsonValueKind.String,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number && IsWhole(value.ToJsonString()),
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "datetime" => JsonStrings.TryGet(value, out var moment) && DateTimeOffset.TryParse(moment, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _),
            "duration" => JsonStrings.TryGet(value, out var span) && Durations.TryParse(span, out _),
            _ => true,
        };
        return fits ? null : $"should be {Article(type)} but is {Name(kind)}";
    }

    /// <summary>Reads the JSON text, so it works whatever CLR type holds the number (int, long, double, JsonElement).</summary>
    private static bool IsWhole(string number) =>
        long.TryParse(number, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
        || (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsInteger(d));

    private static string Article(string type) => type switch
    {
        "integer" or "object" or "array" => $"an {type}",
        "datetime" => "a date-time (ISO 8601)",
        "duration" => "a duration (ISO 8601, such as PT4H)",
        _ => $"a {type}",
    };

    private static string Name(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
