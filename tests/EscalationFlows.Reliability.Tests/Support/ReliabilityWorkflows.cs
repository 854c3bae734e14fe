using System.Text.Json.Nodes;
using EscalationFlows.Testing;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Reliability.Tests.Support;

/// <summary>
/// The workflows the crash and multi-node tests run. They use literal and input expressions only: no JavaScript,
/// whose wall-clock budget would turn a slow evaluation on an overloaded machine into an incident.
/// </summary>
public static class ReliabilityWorkflows
{
    public const string BurstsId = "reliability-bursts";
    public const string TimerId = "reliability-timer";

    /// <summary>The activities of <see cref="Bursts"/> in order; waits are Delays, hooks are SendWebhooks.</summary>
    public static readonly string[] BurstActivities = ["start", "set1", "hook1", "wait1", "set2", "hook2", "wait2", "set3", "hook3", "wait3", "end"];

    /// <summary>
    /// Four bursts with durable waits between them: Start → step=1 → webhook → Delay 1 s → step=2 → webhook → Delay 1 s →
    /// step=3 → webhook → Delay 1 s → End. Each webhook posts the <c>ticket</c> input to <c>hookUrl</c> through the outbox
    /// and keeps its message id in <c>hook1</c>..<c>hook3</c>.
    /// </summary>
    public static Flow Bursts()
    {
        var flow = new Flow(BurstsId)
            .Inputs([
                new JsonObject { ["name"] = "ticket", ["type"] = "object", ["required"] = true },
                new JsonObject { ["name"] = "hookUrl", ["type"] = "string", ["required"] = true },
            ])
            .Variable("step", 0)
            .Variable("hook1")
            .Variable("hook2")
            .Variable("hook3")
            .Add("start", "Start");
        for (var step = 1; step <= 3; step++)
        {
            flow.Add($"set{step}", "SetVariable", Literal("variable", "step"), Literal("value", step))
                .Add($"hook{step}", "SendWebhook", new JsonObject { ["outputs"] = new JsonObject { ["messageId"] = $"hook{step}" } },
                    ("url", "input", "hookUrl"), ("body", "input", "ticket"))
                .Add($"wait{step}", "Delay", Literal("duration", "PT1S"));
        }

        return flow.Add("end", "End").Chain(BurstActivities);
    }

    /// <summary>Start → Timer until the <c>dueAt</c> input → End; the timer's output (dueAt, firedAt, node) lands in <c>fired</c>.</summary>
    public static Flow Timer() => new Flow(TimerId)
        .Inputs([new JsonObject { ["name"] = "dueAt", ["type"] = "datetime", ["required"] = true }])
        .Variable("fired")
        .Add("start", "Start")
        .Add("wait", "Timer", new JsonObject { ["outputs"] = new JsonObject { ["result"] = "fired" } }, ("until", "input", "dueAt"))
        .Add("end", "End")
        .Chain("start", "wait", "end");
}
