using System.Text.Json.Nodes;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>Definitions with human tasks for the task, inbox and client-link tests.</summary>
public static class HumanTaskFlows
{
    /// <summary>A form with a required email, an optional date-time and a required severity.</summary>
    public static JsonObject ContactForm() => new()
    {
        ["schema"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["email"] = new JsonObject { ["type"] = "string", ["format"] = "email", ["title"] = "Email" },
                ["callbackAt"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["severity"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("low", "high") },
            },
            ["required"] = new JsonArray("email", "severity"),
        },
        ["uiSchema"] = new JsonObject { ["ui:order"] = new JsonArray("severity", "email", "callbackAt"), ["email"] = new JsonObject { ["ui:help"] = "Where we answer." } },
    };

    /// <summary>Start → one human task (with the given inputs) → End. Outcomes Approve and Reject.</summary>
    public static Flow Single(string id, params (string, string, JsonNode?)[] inputs) => new Flow(id)
        .Variable("answer")
        .Variable("link")
        .Add("start", "Start")
        .Add("task", "HumanTask", new JsonObject { ["outputs"] = new JsonObject { ["data"] = "answer", ["clientLink"] = "link" } },
            [Template("title", "Check " + id), Literal("outcomes", new JsonArray("Approve", "Reject")), .. inputs])
        .Add("end", "End")
        .Connect("start", "task")
        .Connect("task", "end", "Approve")
        .Connect("task", "end", "Reject");
}
