namespace EscalationFlows.Escalations.Tickets;

/// <summary>What a connector or a user sends to start tracking a ticket (body of <c>POST /api/tickets</c>).</summary>
public sealed record TicketRegistration
{
    public string? Source { get; init; }

    public string? ExternalId { get; init; }

    public string? Client { get; init; }

    public string? Tier { get; init; }

    public int? Priority { get; init; }

    public DateTimeOffset? OpenedAt { get; init; }

    public string? Title { get; init; }

    /// <summary>Status at registration; default <see cref="TicketStatuses.New"/>.</summary>
    public string? Status { get; init; }

    /// <summary>When the first response was given, when the ticket arrives already answered.</summary>
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>The SLA policy; default the configured default policy ("standard").</summary>
    public string? PolicyId { get; init; }

    /// <summary>A client or team calendar replacing the policy's.</summary>
    public string? CalendarId { get; init; }
}
