using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Activities;

/// <summary>Reads port names from a literal input: <c>["Approve","Reject"]</c> or <c>[{"port":"High",...}]</c>.</summary>
public static class DynamicPorts
{
    public static IReadOnlyList<string> Read(InputBinding? binding)
    {
        if (binding?.Expression is not { Type: ExpressionType.Literal, Value: JsonArray items })
        {
            return [];
        }

        var ports = new List<string>();
        foreach (var item in items)
        {
            var name = item switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonObject o => (o["port"] ?? o["name"]) is JsonValue pv && pv.TryGetValue<string>(out var ps) ? ps : null,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(name))
            {
                ports.Add(name);
            }
        }

        return ports;
    }
}
