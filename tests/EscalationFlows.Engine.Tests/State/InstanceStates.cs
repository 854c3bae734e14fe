using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.State;

/// <summary>Instances in interesting states, built deterministically (fake clock, sequential ids).</summary>
internal static class InstanceStates
{
    /// <summary>
    /// Suspended with variables, activity outputs, an event bookmark and a timer bookmark, an incident under the
    /// continue strategy, and a WaitAll join holding one arrival.
    /// </summary>
    public static async Task<WorkflowState> SuspendedWithEverything(EngineHarness engine)
    {
        engine.Publish(new Flow("everything", "continue")
            .Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "object" }])
            .Variable("severity", 3)
            .Variable("request")
            .Variable("broken")
            .Add("start", "Start")
            .Add("ready", "WaitForEvent", MapOutputs(("payload", "request")), Literal("eventName", "ready"))
            .Add("raise", "SetVariable", Literal("variable", "severity"), Js("value", "ticket.impact"))
            .Add("fork", "Fork")
            .Add("approval", "WaitForEvent", Literal("eventName", "approved"), Js("correlationId", "ticket.key"))
            .Add("deadline", "Delay", Literal("duration", "PT2H"))
            .Add("note", "Log", Template("message", "{{ ticket.key }} at severity {{ severity }}"))
            .Add("broken", "SetVariable", Literal("variable", "broken"), Js("value", "ticket.owner.name"))
            .Add("join", "Join")
            .Add("end", "End")
            .Chain("start", "ready", "raise", "fork")
            .Connect("fork", "approval")
            .Connect("fork", "deadline")
            .Connect("fork", "note")
            .Connect("fork", "broken")
            .Connect("approval", "join")
            .Connect("deadline", "join")
            .Connect("note", "join")
            .Connect("broken", "join")
            .Chain("join", "end")
            .Json);
        var run = await engine.StartAsync("everything", new JsonObject { ["ticket"] = new JsonObject { ["key"] = "INC-5", ["impact"] = 2 } }, correlationId: "INC-5");
        engine.Clock.Advance(TimeSpan.FromMinutes(3));
        await engine.PublishAsync("ready", new JsonObject { ["requestedBy"] = "service-desk", ["tags"] = new JsonArray("vip") }, correlationId: "INC-5");
        return await engine.StateAsync(run.InstanceId);
    }
}
