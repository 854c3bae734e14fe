using System.Text.Json.Nodes;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>Small definitions the API tests start, wait on and compare.</summary>
public static class Workflows
{
    /// <summary>Start → set <c>result</c> to <paramref name="value"/> → End; outputs <c>result</c>.</summary>
    public static Flow Finishing(string id, string value = "done") => new Flow(id)
        .Variable("result")
        .Outputs([new JsonObject { ["name"] = "result" }])
        .Add("start", "Start")
        .Add("set", "SetVariable", Literal("variable", "result"), Literal("value", value))
        .Add("end", "End")
        .Chain("start", "set", "end");

    /// <summary>Start → wait for <paramref name="eventName"/> → set <c>result</c> to <paramref name="value"/> and <c>payload</c> to the event payload → End.</summary>
    public static Flow Waiting(string id, string eventName, string value = "resumed") => new Flow(id)
        .Variable("result")
        .Variable("payload")
        .Outputs([new JsonObject { ["name"] = "result" }, new JsonObject { ["name"] = "payload" }])
        .Add("start", "Start")
        .Add("wait", "WaitForEvent", new JsonObject { ["outputs"] = new JsonObject { ["payload"] = "payload" } }, Literal("eventName", eventName))
        .Add("set", "SetVariable", Literal("variable", "result"), Literal("value", value))
        .Add("end", "End")
        .Chain("start", "wait", "set", "end");

    /// <summary>Start → Delay <paramref name="duration"/> → End.</summary>
    public static Flow Delaying(string id, string duration = "PT1H") => new Flow(id)
        .Add("start", "Start")
        .Add("wait", "Delay", Literal("duration", duration))
        .Add("end", "End")
        .Chain("start", "wait", "end");

    /// <summary>Start → Fault: the instance faults (incident strategy fault).</summary>
    public static Flow Faulting(string id) => new Flow(id)
        .Add("start", "Start")
        .Add("boom", "Fault", Literal("message", "Something broke."))
        .Chain("start", "boom");

    /// <summary>
    /// EventTrigger on <paramref name="eventName"/> → set <c>result</c> to the payload's <c>ticket</c> (the payload
    /// object is the instance input) → End. No JavaScript, so no wall-clock expression budget is involved.
    /// </summary>
    public static Flow Triggered(string id, string eventName) => new Flow(id)
        .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "string" }])
        .Variable("result")
        .Outputs([new JsonObject { ["name"] = "result" }])
        .Add("trigger", "EventTrigger", Literal("eventName", eventName))
        .Add("set", "SetVariable", Literal("variable", "result"), ("value", "input", "ticket"))
        .Add("end", "End")
        .Chain("trigger", "set", "end");
}
