using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Reports;

namespace EscalationFlows.Server.Api.Tickets;

/// <summary>Where one clock of a ticket stands (the full ledger is at <c>GET /api/sla/{ticketId}</c>).</summary>
public sealed record TicketSlaSummary
{
    public required SlaMetric Metric { get; init; }

    public required SlaClockStatus Status { get; init; }

    public required SlaDuration Target { get; init; }

    public required SlaDuration Elapsed { get; init; }

    public required double ElapsedPercent { get; init; }

    public required SlaDuration Remaining { get; init; }

    public DateTimeOffset? PredictedBreachAt { get; init; }

    public DateTimeOffset? BreachedAt { get; init; }

    public string? PauseReason { get; init; }

    /// <summary>The next threshold due, while the clock runs.</summary>
    public SlaThresholdReport? NextThreshold { get; init; }

    public static TicketSlaSummary From(SlaMetricReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new TicketSlaSummary
        {
            Metric = report.Metric,
            Status = report.Status,
            Target = report.Target,
            Elapsed = report.Elapsed,
            ElapsedPercent = report.ElapsedPercent,
            Remaining = report.Remaining,
            PredictedBreachAt = report.PredictedBreachAt,
            BreachedAt = report.BreachedAt,
            PauseReason = report.PauseReason,
            NextThreshold = report.Thresholds.Where(t => t.State == "pending").MinBy(t => t.DueAt),
        };
    }
}
