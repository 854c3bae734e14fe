using EscalationFlows.Engine.Activities;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>Pauses a subject's running SLA clocks with a reason written in the ledger ("awaiting client"); their pending threshold timers are cancelled.</summary>
public sealed class SlaPauseActivity : SlaClockChangeActivity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Sla.Pause",
        Category = SlaActivityInputs.Category,
        DisplayName = "Pause SLA clock",
        Description = "Pauses the subject's SLA clocks (for example while awaiting the client); nothing counts until Sla.Resume.",
        Inputs =
        [
            SlaActivityInputs.SubjectId,
            new InputDescriptor { Name = "reason", DisplayName = "Reason", Description = "Written in the ledger, for example: awaiting client.", Type = "string", Default = "awaiting client" },
            SlaActivityInputs.Metrics,
        ],
    };

    protected override string Operation => SlaEffectOperations.Pause;

    protected override string? ReadReason(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = context.GetInputString("reason");
        return string.IsNullOrWhiteSpace(reason) ? "paused" : reason.Trim();
    }
}
