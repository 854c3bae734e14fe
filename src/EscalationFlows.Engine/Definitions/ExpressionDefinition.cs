using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>An expression: its kind (see <see cref="ExpressionType"/>) and its source or literal value.</summary>
public sealed record ExpressionDefinition
{
    public required string Type { get; init; }

    public JsonNode? Value { get; init; }

    /// <summary>The value as source text, for the kinds whose value is text.</summary>
    [JsonIgnore]
    public string? Text => Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
