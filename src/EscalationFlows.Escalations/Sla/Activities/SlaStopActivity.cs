using EscalationFlows.Engine.Activities;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>Stops a subject's SLA clocks (responded or resolved): met when within the target, breached otherwise.</summary>
public sealed class SlaStopActivity : SlaClockChangeActivity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Sla.Stop",
        Category = SlaActivityInputs.Category,
        DisplayName = "Stop SLA clock",
        Description = "Stops the subject's SLA clocks (response given, or resolved); pending thresholds are cancelled.",
        Inputs = [SlaActivityInputs.SubjectId, SlaActivityInputs.Metrics],
    };

    protected override string Operation => SlaEffectOperations.Stop;
}
