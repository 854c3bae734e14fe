using EscalationFlows.Engine.Activities;
using EscalationFlows.Escalations.Notifications;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Reads the escalation as committed so far and outputs it (number, title, client, priority, stage, owner, team...) for
/// the expressions and task titles of the steps that follow. Changes made earlier in the same step are not in it.
/// </summary>
public sealed class LoadEscalationActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.Load",
        Category = Category,
        DisplayName = "Load escalation",
        Description = "Reads the escalation record (number, title, client, priority, stage, owner, team...) into a variable for the next steps.",
        Inputs = [EscalationId],
        Outputs = [new OutputDescriptor { Name = "escalation", Type = "object", Description = "The record as message templates see it (every field present, null when empty)." }],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await RequireRecordAsync(context, ReadEscalationId(context));
        context.SetOutput("escalation", EscalationTemplateModel.Build(record));
        return ActivityResult.Done();
    }
}
