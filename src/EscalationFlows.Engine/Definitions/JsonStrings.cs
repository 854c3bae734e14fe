using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Definitions;

/// <summary>
/// Reads a JSON string whatever CLR value backs the node: a parsed document, a string, or a value such as a
/// <see cref="DateTimeOffset"/> that serialises as a string (where <c>GetValue&lt;string&gt;()</c> would throw).
/// </summary>
public static class JsonStrings
{
    public static bool TryGet(JsonNode? node, out string text)
    {
        text = string.Empty;
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.String)
        {
            return false;
        }

        if (value.TryGetValue<string>(out var direct))
        {
            text = direct;
            return true;
        }

        text = JsonSerializer.Deserialize<string>(value.ToJsonString()) ?? string.Empty;
        return true;
    }

    public static string? Get(JsonNode? node) => TryGet(node, out var text) ? text : null;
}
