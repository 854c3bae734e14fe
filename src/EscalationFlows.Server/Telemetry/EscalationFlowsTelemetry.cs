using System.Diagnostics;
using System.Diagnostics.Metrics;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Telemetry;

/// <summary>
/// The server's own traces and metrics: one span per runtime operation (a start, resume, cancel, retry, event or
/// timer batch runs one or more bursts), next to the ASP.NET Core and HttpClient instrumentation.
/// </summary>
public static class EscalationFlowsTelemetry
{
    public const string Name = "EscalationFlows";

    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    private static readonly Counter<long> Operations = Meter.CreateCounter<long>("escalationflows.runtime.operations", description: "Runtime operations by kind and resulting status.");

    private static readonly Counter<long> TimersFired = Meter.CreateCounter<long>("escalationflows.timers.fired", description: "Due timers claimed by the timer dispatcher.");

    private static readonly Counter<long> OutboxProcessed = Meter.CreateCounter<long>("escalationflows.outbox.processed", description: "Outbox messages claimed by the outbox dispatcher.");

    public static Activity? StartOperation(string operation, string? definitionId = null, string? instanceId = null)
    {
        var activity = Source.StartActivity($"workflow.{operation}");
        activity?.SetTag("escalationflows.operation", operation);
        activity?.SetTag("escalationflows.definition_id", definitionId);
        activity?.SetTag("escalationflows.instance_id", instanceId);
        return activity;
    }

    public static void Record(Activity? activity, string operation, WorkflowRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        activity?.SetTag("escalationflows.definition_id", run.DefinitionId);
        activity?.SetTag("escalationflows.definition_version", run.DefinitionVersion);
        activity?.SetTag("escalationflows.instance_id", run.InstanceId);
        activity?.SetTag("escalationflows.status", run.Status.ToString());
        Operations.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("status", run.Status.ToString()));
    }

    public static void RecordTimers(int count) => TimersFired.Add(count);

    public static void RecordOutbox(int count) => OutboxProcessed.Add(count);
}
