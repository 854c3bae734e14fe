using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>How long the clock was paused for one reason: wall time, and the business time that did not count.</summary>
public sealed record SlaPauseReport(string Reason, SlaDuration WallTime, SlaDuration BusinessTime)
{
    public static SlaPauseReport From(SlaPauseTotal total)
    {
        ArgumentNullException.ThrowIfNull(total);
        return new(total.Reason, SlaDuration.From(total.WallTime), SlaDuration.From(total.BusinessTime));
    }
}
