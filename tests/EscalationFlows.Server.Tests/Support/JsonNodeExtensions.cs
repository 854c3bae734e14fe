using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Tests.Support;

public static class JsonNodeExtensions
{
    /// <summary>Applies a change to a node and returns it (for inline edits in assertions).</summary>
    public static T Also<T>(this T node, Action<T> change)
        where T : JsonNode
    {
        ArgumentNullException.ThrowIfNull(change);
        change(node);
        return node;
    }
}
