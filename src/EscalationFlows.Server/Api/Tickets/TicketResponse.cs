using EscalationFlows.Escalations.Tickets;

namespace EscalationFlows.Server.Api.Tickets;

/// <summary>A tracked ticket with a summary of its SLA clocks.</summary>
public sealed record TicketResponse
{
    public required string Id { get; init; }

    public required string Source { get; init; }

    public required string ExternalId { get; init; }

    public required string Client { get; init; }

    public string? Tier { get; init; }

    public required int Priority { get; init; }

    public required string Title { get; init; }

    public required string Status { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? RespondedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public required string PolicyId { get; init; }

    public string? CalendarId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Where the full ledger and explanation are.</summary>
    public required string SlaUrl { get; init; }

    public required IReadOnlyList<TicketSlaSummary> Sla { get; init; }

    public static TicketResponse From(TrackedTicket ticket, IReadOnlyList<TicketSlaSummary> sla)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        return new TicketResponse
        {
            Id = ticket.Id,
            Source = ticket.Source,
            ExternalId = ticket.ExternalId,
            Client = ticket.Client,
            Tier = ticket.Tier,
            Priority = ticket.Priority,
            Title = ticket.Title,
            Status = ticket.Status,
            OpenedAt = ticket.OpenedAt,
            RespondedAt = ticket.RespondedAt,
            ResolvedAt = ticket.ResolvedAt,
            PolicyId = ticket.PolicyId,
            CalendarId = ticket.CalendarId,
            CreatedAt = ticket.CreatedAt,
            UpdatedAt = ticket.UpdatedAt,
            SlaUrl = $"/api/sla/{Uri.EscapeDataString(ticket.Id)}",
            Sla = sla,
        };
    }
}
