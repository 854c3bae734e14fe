using EscalationFlows.Escalations.Tickets;

namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>The ticket after a registration or update; <paramref name="Created"/> is false when the registration found it already tracked.</summary>
public sealed record TicketChange(TrackedTicket Ticket, bool Created);
