using System.Text.Json.Nodes;
using EscalationFlows.Testing;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>The definitions the scenarios run.</summary>
public static class Flows
{
    /// <summary>Start → WaitForEvent(<paramref name="eventName"/>, correlation from the instance) → End.</summary>
    public static string WaitForEvent(string id, string eventName = "go", string? name = null) =>
        Named(new Flow(id)
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", Literal("eventName", eventName))
            .Add("end", "End")
            .Chain("start", "wait", "end"), name).Json;

    /// <summary>Start → WaitForEvent with an explicit correlation id taken from the input <c>key</c> → End.</summary>
    public static string WaitForCorrelatedEvent(string id, string eventName) =>
        new Flow(id)
            .Add("start", "Start")
            .Add("wait", "WaitForEvent", Literal("eventName", eventName), Js("correlationId", "input.key ?? null"))
            .Add("end", "End")
            .Chain("start", "wait", "end").Json;

    /// <summary>Start → Timer(<paramref name="duration"/>) → End.</summary>
    public static string Timer(string id, string duration = "PT1M") =>
        new Flow(id)
            .Add("start", "Start")
            .Add("timer", "Timer", Literal("duration", duration))
            .Add("end", "End")
            .Chain("start", "timer", "end").Json;

    /// <summary>EventTrigger(<paramref name="eventName"/>) → End: started by the event.</summary>
    public static string Triggered(string id, string eventName, string? name = null) =>
        Named(new Flow(id)
            .Add("trigger", "EventTrigger", Literal("eventName", eventName))
            .Add("end", "End")
            .Chain("trigger", "end"), name).Json;

    /// <summary>Start → RunWorkflow(<paramref name="childId"/>) → End: writes an outbox message and a child bookmark.</summary>
    public static string Parent(string id, string childId) =>
        new Flow(id)
            .Add("start", "Start")
            .Add("run", "RunWorkflow", Literal("definitionId", childId), Js("input", "({ n: 1 })"))
            .Add("end", "End")
            .Chain("start", "run", "end").Json;

    /// <summary>Start → Test.Notify (outbox kind <c>test.notify</c>) → WaitForEvent(go) → End.</summary>
    public static string Notify(string id) =>
        new Flow(id)
            .Add("start", "Start")
            .Add("notify", NotifyActivity.TypeName, Literal("text", "hello"))
            .Add("wait", "WaitForEvent", Literal("eventName", "go"))
            .Add("end", "End")
            .Chain("start", "notify", "wait", "end").Json;

    /// <summary>
    /// A state with a bit of everything: variables with nested and unicode values, activity outputs, a join with one
    /// arrival, an incident (continue strategy), an event bookmark with payload and a timer bookmark.
    /// </summary>
    public static string Rich(string id) =>
        new Flow(id, incidentStrategy: "continue")
            .Variable("ticket", new JsonObject { ["id"] = "T-1", ["tags"] = new JsonArray("vip", "netz-störung"), ["impact"] = 2.5 })
            .Variable("note")
            .Add("start", "Start")
            .Add("fork", "Fork")
            .Add("set", "SetVariable", Literal("variable", "note"), Js("value", "'Grüße für ' + ticket.id + ' ✓'"))
            .Add("boom", "Fault", Literal("message", "deliberate failure"))
            .Add("wait", "WaitForEvent", Literal("eventName", "approve"))
            .Add("timer", "Timer", Literal("duration", "PT4H"))
            .Add("join", "Join", Literal("mode", "WaitAll"))
            .Add("end", "End")
            .Connect("start", "fork")
            .Connect("fork", "set")
            .Connect("fork", "boom")
            .Connect("fork", "wait")
            .Connect("fork", "timer")
            .Connect("set", "join")
            .Connect("wait", "join")
            .Connect("timer", "join")
            .Connect("join", "end").Json;

    private static Flow Named(Flow flow, string? name) => name is null ? flow : flow.Name(name);
}
