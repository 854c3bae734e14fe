using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>A duration as the API writes it: whole seconds (fractions kept) and the plain-English text ("2 h 10 min").</summary>
public sealed record SlaDuration(double Seconds, string Text)
{
    public static SlaDuration From(TimeSpan duration) => new(Math.Round(duration.TotalSeconds, 3), SlaText.Duration(duration));
}
