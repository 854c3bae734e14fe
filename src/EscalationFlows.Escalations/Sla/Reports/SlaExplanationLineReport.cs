using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>One line of the plain-English explanation, with its durations as <see cref="SlaDuration"/>.</summary>
public sealed record SlaExplanationLineReport(SlaExplanationLineKind Kind, DateTimeOffset From, DateTimeOffset To, SlaDuration Counted, SlaDuration NotCounted, string Text)
{
    public static SlaExplanationLineReport Of(SlaExplanationLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.Kind, line.From, line.To, SlaDuration.From(line.Counted), SlaDuration.From(line.NotCounted), line.Text);
    }
}
