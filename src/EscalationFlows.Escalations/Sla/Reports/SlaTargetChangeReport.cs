using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>A target change (priority, tier or policy change); the new target applies to the whole clock.</summary>
public sealed record SlaTargetChangeReport(DateTimeOffset At, SlaDuration PreviousTarget, SlaDuration NewTarget, string Reason)
{
    public static SlaTargetChangeReport From(SlaTargetChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new(change.At, SlaDuration.From(change.PreviousTarget), SlaDuration.From(change.NewTarget), change.Reason);
    }
}
