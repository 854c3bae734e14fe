using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Sla.Subjects;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>
/// Base of <c>Sla.Pause</c>, <c>Sla.Resume</c> and <c>Sla.Stop</c>: checks the subject has clocks, then records the clock
/// change as an effect applied (with its timer changes) in the burst's transaction.
/// </summary>
public abstract class SlaClockChangeActivity : Activity
{
    /// <summary>The <see cref="SlaEffectOperations"/> value.</summary>
    protected abstract string Operation { get; }

    /// <summary>The pause reason; null for other operations.</summary>
    protected virtual string? ReadReason(ActivityExecutionContext context) => null;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subjectId = SlaActivityInputs.ReadSubjectId(context);
        var metrics = SlaActivityInputs.ReadMetrics(context);
        var reason = ReadReason(context);
        var store = context.Services.GetRequiredService<ISlaStore>();
        var clocks = await store.ReadAsync((session, ct) => session.GetClocksAsync(subjectId, ct), context.CancellationToken);
        if (!clocks.Any(c => metrics.Count == 0 || metrics.Contains(c.Metric)) && !StartedInThisInstance(context, subjectId))
        {
            var which = metrics.Count == 0 ? "no SLA clock" : $"no {SlaMetrics.Name(metrics[0])} clock";
            throw new WorkflowFaultException("sla-no-clock", $"'{subjectId}' has {which}; start one with Sla.Start (or register the ticket) first.");
        }

        var effect = new SlaEffect
        {
            Operation = Operation,
            SubjectId = subjectId,
            SubjectType = clocks.Count > 0 ? clocks[0].SubjectType : SlaSubjectType.Escalation,
            Metrics = metrics,
            Reason = reason,
            At = context.Now,
        };
        context.RecordEffect(SlaEffect.Kind, effect.ToJson());
        context.Log($"SLA {Operation} of {subjectId}{(reason is null ? string.Empty : $" ({reason})")}.");
        return ActivityResult.Done();
    }

    /// <summary>
    /// True when an <c>Sla.Start</c> of this instance started the subject's clocks, possibly earlier in this very burst:
    /// its effect is applied when the burst commits, so the store does not show the clocks yet.
    /// </summary>
    private static bool StartedInThisInstance(ActivityExecutionContext context, string subjectId) =>
        context.GetScope().Entries().FirstOrDefault(e => e.Key == "outputs").Value is JsonObject outputs
        && outputs.Any(o => o.Value is JsonObject output && output["clocks"] is JsonArray
            && output["subjectId"] is JsonValue value && value.TryGetValue<string>(out var started) && started == subjectId);
}
