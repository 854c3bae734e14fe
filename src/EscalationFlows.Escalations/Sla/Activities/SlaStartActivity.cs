using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Sla.Subjects;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>
/// Starts the response and/or resolution clock of a subject under a policy, priority and client tier. The clocks and
/// their threshold timers are written in the same transaction as the workflow step. A metric that already has a clock
/// for the subject is left as it is (the first start wins).
/// </summary>
public sealed class SlaStartActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Sla.Start",
        Category = SlaActivityInputs.Category,
        DisplayName = "Start SLA clock",
        Description = "Starts SLA clocks for a ticket or escalation; thresholds then fire the sla.threshold event (correlation id = subject id).",
        Inputs =
        [
            SlaActivityInputs.SubjectId,
            new InputDescriptor
            {
                Name = "subjectType",
                DisplayName = "Subject type",
                Type = "string",
                Default = SlaSubjectTypes.Escalation,
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [SlaSubjectTypes.Escalation, SlaSubjectTypes.Ticket],
            },
            new InputDescriptor { Name = "policyId", DisplayName = "Policy", Description = "The SLA policy id. Default: the default policy (standard).", Type = "string" },
            SlaActivityInputs.Metrics,
            new InputDescriptor
            {
                Name = "priority",
                DisplayName = "Priority",
                Description = "1 (critical) to 5 (planning).",
                Type = "integer",
                Required = true,
                DefaultExpressionType = ExpressionType.JavaScript,
            },
            new InputDescriptor { Name = "tier", DisplayName = "Client tier", Description = "Selects the policy's tier targets, for example platinum.", Type = "string" },
            new InputDescriptor { Name = "calendarId", DisplayName = "Calendar", Description = "A team or client calendar replacing the policy's.", Type = "string" },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "subjectId", Type = "string", Description = "The subject whose clocks were started." },
            new OutputDescriptor { Name = "clocks", Type = "array", Description = "Per metric started: { metric, targetMinutes, deadline } (deadline if it is never paused)." },
        ],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node.GetInput("priority")?.Expression is { Type: ExpressionType.Literal, Value: JsonValue value }
            && value.TryGetValue<int>(out var priority) && priority is < SlaPolicy.HighestPriority or > SlaPolicy.LowestPriority)
        {
            context.AddError($"{context.InputPointer("priority")}/expression/value", DefinitionErrorCodes.InvalidValue,
                $"The priority must be {SlaPolicy.HighestPriority} to {SlaPolicy.LowestPriority} (it is {priority}).");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var service = context.Services.GetRequiredService<SlaClockService>();
        var subjectId = SlaActivityInputs.ReadSubjectId(context);
        SlaSubjectTypes.TryParse(context.GetInputString("subjectType"), out var subjectType);
        var policyId = NullIfBlank(context.GetInputString("policyId")) ?? service.Options.DefaultPolicyId;
        var priority = context.GetRequiredInput<int>("priority");
        if (priority is < SlaPolicy.HighestPriority or > SlaPolicy.LowestPriority)
        {
            throw new WorkflowFaultException("input-type", $"The priority of '{context.Node.DisplayName}' must be {SlaPolicy.HighestPriority} to {SlaPolicy.LowestPriority} (it is {priority}).");
        }

        var tier = NullIfBlank(context.GetInputString("tier"));
        var calendarId = NullIfBlank(context.GetInputString("calendarId"));
        var metrics = SlaActivityInputs.ReadMetrics(context);

        // Check the references now, so a typo faults this step instead of silently starting nothing.
        var store = context.Services.GetRequiredService<ISlaStore>();
        var (policy, calendar) = await store.ReadAsync(async (session, ct) =>
        {
            var p = await session.GetPolicyAsync(policyId, null, ct);
            var c = p is null ? null : await session.GetCalendarAsync(calendarId ?? p.Policy.CalendarId, null, ct);
            return (p, c);
        }, context.CancellationToken);
        if (policy is null)
        {
            throw new WorkflowFaultException("sla-unknown-policy", $"There is no SLA policy '{policyId}'.");
        }

        if (calendar is null)
        {
            throw new WorkflowFaultException("sla-unknown-calendar", $"There is no business calendar '{calendarId ?? policy.Policy.CalendarId}'.");
        }

        var effect = new SlaEffect
        {
            Operation = SlaEffectOperations.Start,
            SubjectId = subjectId,
            SubjectType = subjectType,
            Metrics = metrics,
            PolicyId = policyId,
            Priority = priority,
            Tier = tier,
            CalendarId = calendarId,
            At = context.Now,
        };
        context.RecordEffect(SlaEffect.Kind, effect.ToJson());

        var clocks = new JsonArray();
        foreach (var metric in metrics.Count == 0 ? SlaMetrics.All : metrics)
        {
            var target = policy.Policy.TargetFor(metric, priority, tier);
            clocks.Add(new JsonObject
            {
                ["metric"] = SlaMetrics.Name(metric),
                ["targetMinutes"] = target.TotalMinutes,
                ["deadline"] = SlaThresholdEvent.Text(calendar.Calendar.AddBusinessTime(context.Now, target)),
            });
        }

        context.SetOutput("subjectId", subjectId);
        context.SetOutput("clocks", clocks);
        context.Log($"SLA clocks of {subjectId} started under {policyId} v{policy.Policy.Version}, P{priority}{(tier is null ? string.Empty : $", tier {tier}")}.");
        return ActivityResult.Done();
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
