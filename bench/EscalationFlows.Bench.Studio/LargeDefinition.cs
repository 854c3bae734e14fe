using System.Globalization;
using System.Text.Json.Nodes;

namespace EscalationFlows.Bench.Studio;

/// <summary>
/// A valid workflow of <c>count</c> activities laid out in rows of 20 (as the studio's own 200-activity fixture):
/// a Start, then Log, Decision, Delay and SetVariable in turn, each connected to the next; a Decision's False port
/// also skips one ahead, so there are about 1.2 connections per activity.
/// </summary>
public static class LargeDefinition
{
    public static JsonObject Create(string definitionId, int count)
    {
        var activities = new JsonArray();
        var connections = new JsonArray();
        string[] types = ["Log", "Decision", "Delay", "SetVariable"];
        for (var i = 0; i < count; i++)
        {
            var type = i == 0 ? "Start" : i == count - 1 ? "End" : types[i % types.Length];
            var activity = new JsonObject
            {
                ["id"] = Id(i),
                ["type"] = type,
                ["name"] = $"{type} {i}",
                ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = i % 20 * 260, ["y"] = i / 20 * 160 } } },
            };
            var inputs = type switch
            {
                "Log" => new JsonObject { ["message"] = Expression("template", $"Step {i}") },
                "Decision" => new JsonObject { ["condition"] = Expression("javascript", $"attempts > {i % 7}") },
                "Delay" => new JsonObject { ["duration"] = Expression("literal", "PT5M") },
                "SetVariable" => new JsonObject { ["variable"] = Expression("literal", "attempts"), ["value"] = Expression("javascript", "attempts + 1") },
                _ => null,
            };
            if (inputs is not null)
            {
                activity["inputs"] = inputs;
            }

            activities.Add(activity);
            if (i > 0)
            {
                var previous = i - 1;
                var previousType = activities[previous]!["type"]!.GetValue<string>();
                connections.Add(Connect(Id(previous), previousType == "Decision" ? "True" : "Done", Id(i)));
                if (previousType == "Decision")
                {
                    connections.Add(Connect(Id(previous), "False", Id(Math.Min(i + 1, count - 1))));
                }
            }
        }

        return new JsonObject
        {
            ["definitionId"] = definitionId,
            ["name"] = $"Large ({count} activities)",
            ["variables"] = new JsonArray(new JsonObject { ["name"] = "attempts", ["type"] = "integer", ["default"] = 0 }),
            ["root"] = new JsonObject { ["type"] = "Flowchart", ["activities"] = activities, ["connections"] = connections },
        };
    }

    public static string Id(int index) => "a" + index.ToString(CultureInfo.InvariantCulture);

    private static JsonObject Expression(string type, string value) => new() { ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };

    private static JsonObject Connect(string source, string port, string target) =>
        new() { ["source"] = new JsonObject { ["activity"] = source, ["port"] = port }, ["target"] = new JsonObject { ["activity"] = target } };
}
