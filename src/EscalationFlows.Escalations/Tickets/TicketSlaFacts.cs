using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Tickets;

/// <summary>A tracked ticket with what its SLA clocks say now: remaining share, due times and a status in the escalation's words.</summary>
public sealed record TicketSlaFacts(TrackedTicket Ticket, double? RemainingPercent, DateTimeOffset? ResponseDueAt, DateTimeOffset? ResolutionDueAt, string? SlaStatus)
{
    /// <summary>The SLA status of a clock: breached, met, paused, atRisk (at or past its first "escalate" threshold, else 90 %) or onTrack.</summary>
    public static string? StatusOf(Sla.Clocks.SlaClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.Status(now) switch
        {
            Sla.Clocks.SlaClockStatus.Breached => EscalationSlaStatuses.Breached,
            Sla.Clocks.SlaClockStatus.Met => EscalationSlaStatuses.Met,
            Sla.Clocks.SlaClockStatus.Paused => EscalationSlaStatuses.Paused,
            Sla.Clocks.SlaClockStatus.Running => clock.ElapsedPercent(now) >= AtRiskPercent(clock) ? EscalationSlaStatuses.AtRisk : EscalationSlaStatuses.OnTrack,
            _ => null,
        };
    }

    private static int AtRiskPercent(Sla.Clocks.SlaClock clock) =>
        clock.Thresholds.Where(t => t.Action == Sla.Policies.SlaThresholdActions.Escalate).Select(t => t.Percent).DefaultIfEmpty(90).Min();
}
