using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>The plain-English explanation: a summary sentence and one line per span; the counted durations add up to the elapsed time.</summary>
public sealed record SlaExplanationReport(string Summary, SlaDuration Counted, IReadOnlyList<SlaExplanationLineReport> Lines)
{
    public static SlaExplanationReport From(SlaExplanation explanation)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        return new(explanation.Summary, SlaDuration.From(explanation.Counted), [.. explanation.Lines.Select(SlaExplanationLineReport.Of)]);
    }
}
