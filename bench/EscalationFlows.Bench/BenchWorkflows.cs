using System.Text.Json.Nodes;
using EscalationFlows.Testing;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Bench;

/// <summary>The definitions the scenarios run.</summary>
public static class BenchWorkflows
{
    public const string EscalationId = "bench-escalation";
    public const string TimerId = "bench-timer";

    /// <summary>
    /// perf.md scenario 1's shape: classify (JavaScript) → route (Decision, JavaScript) → assign to a queue → notify
    /// (SendWebhook: an outbox message) → wait for "resolved" (the bookmark a start ends on) → record → wait for
    /// "acknowledged" (the bookmark a resume ends on). Six activities and three expressions per start.
    /// </summary>
    public static Flow Escalation(string notifyUrl) => new Flow(EscalationId)
        .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object", ["required"] = true }])
        .Variable("severity")
        .Variable("queue")
        .Variable("status", "open")
        .Add("start", "Start")
        .Add("classify", "SetVariable", Literal("variable", "severity"), Js("value", "ticket.impact >= 3 ? 'major' : 'minor'"))
        .Add("route", "Decision", Js("condition", "severity === 'major'"))
        .Add("major", "SetVariable", Literal("variable", "queue"), Literal("value", "major-incidents"))
        .Add("minor", "SetVariable", Literal("variable", "queue"), Literal("value", "service-desk"))
        .Add("notify", "SendWebhook", Literal("url", notifyUrl), Js("body", "({ key: ticket.key, queue: queue, severity: severity })"))
        .Add("resolved", "WaitForEvent", Literal("eventName", "resolved"))
        .Add("record", "SetVariable", Literal("variable", "status"), Literal("value", "resolved"))
        .Add("acknowledged", "WaitForEvent", Literal("eventName", "acknowledged"))
        .Add("end", "End")
        .Chain("start", "classify", "route")
        .Connect("route", "major", "True")
        .Connect("route", "minor", "False")
        .Connect("major", "notify")
        .Connect("minor", "notify")
        .Chain("notify", "resolved", "record", "acknowledged", "end");

    /// <summary>Start → Timer until the <c>dueAt</c> input → End.</summary>
    public static Flow Timer() => new Flow(TimerId)
        .Inputs([new JsonObject { ["name"] = "dueAt", ["type"] = "datetime", ["required"] = true }])
        .Add("start", "Start")
        .Add("wait", "Timer", ("until", "input", "dueAt"))
        .Add("end", "End")
        .Chain("start", "wait", "end");

    public static JsonObject EscalationInput(int index) => new()
    {
        ["ticket"] = new JsonObject { ["key"] = $"INC-{index}", ["impact"] = index % 5 },
    };
}
