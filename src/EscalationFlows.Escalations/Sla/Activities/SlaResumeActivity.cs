using EscalationFlows.Engine.Activities;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>Resumes a subject's paused SLA clocks; their threshold timers are recomputed in business time.</summary>
public sealed class SlaResumeActivity : SlaClockChangeActivity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Sla.Resume",
        Category = SlaActivityInputs.Category,
        DisplayName = "Resume SLA clock",
        Description = "Resumes the subject's paused SLA clocks; pending thresholds are rescheduled.",
        Inputs = [SlaActivityInputs.SubjectId, SlaActivityInputs.Metrics],
    };

    protected override string Operation => SlaEffectOperations.Resume;
}
