using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;

namespace EscalationFlows.Escalations.Tickets;

/// <summary>Reads a tracked ticket and the state of its SLA clocks (for opening an escalation from it).</summary>
public sealed class TicketSlaReader
{
    private readonly ISlaStore _store;
    private readonly SlaClockService _clocks;

    public TicketSlaReader(ISlaStore store, SlaClockService clocks)
    {
        _store = store;
        _clocks = clocks;
    }

    public Task<TicketSlaFacts?> ReadAsync(string ticketId, DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.ReadAsync(async (session, ct) =>
        {
            var ticket = await session.FindTicketAsync(ticketId, ct);
            if (ticket is null)
            {
                return null;
            }

            var clocks = await _clocks.GetClocksAsync(session, ticketId, ct);
            var resolution = clocks.Where(c => c.Stored.Metric == SlaMetric.Resolution).Select(c => c.Clock).FirstOrDefault();
            var response = clocks.Where(c => c.Stored.Metric == SlaMetric.Response).Select(c => c.Clock).FirstOrDefault();
            double? remaining = resolution is null ? null : Math.Max(0, 100 - resolution.ElapsedPercent(now));
            return new TicketSlaFacts(ticket, remaining, Due(response, now), Due(resolution, now), resolution is null ? null : TicketSlaFacts.StatusOf(resolution, now));
        }, cancellationToken);

    private static DateTimeOffset? Due(Sla.Clocks.SlaClock? clock, DateTimeOffset now) =>
        clock is null ? null : clock.PredictedBreachAt(now) ?? clock.DeadlinePassedAt(now);
}
