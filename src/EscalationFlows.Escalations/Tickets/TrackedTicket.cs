namespace EscalationFlows.Escalations.Tickets;

/// <summary>
/// A ticket of an external system (or entered by hand) whose SLA clocks run before it is escalated. Registered once per
/// (<see cref="Source"/>, <see cref="ExternalId"/>); status and priority changes move its clocks.
/// </summary>
public sealed record TrackedTicket
{
    /// <summary>Our id (also the SLA subject id of its clocks).</summary>
    public required string Id { get; init; }

    /// <summary>Where the ticket comes from, for example "zendesk", "servicenow" or "manual".</summary>
    public required string Source { get; init; }

    /// <summary>The ticket's id in its source system; unique per source.</summary>
    public required string ExternalId { get; init; }

    /// <summary>The client (customer account) the ticket belongs to.</summary>
    public required string Client { get; init; }

    /// <summary>The client's tier (for example "platinum"); selects tier targets of the policy.</summary>
    public string? Tier { get; init; }

    /// <summary>Priority 1 (critical) to 5 (planning).</summary>
    public required int Priority { get; init; }

    /// <summary>Short description.</summary>
    public required string Title { get; init; }

    /// <summary>Current status, see <see cref="TicketStatuses"/> (other lowercase statuses are allowed).</summary>
    public required string Status { get; init; }

    /// <summary>When the ticket was opened in its source; the clocks start then (retroactively).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>When the client first got a response (stops the response clock).</summary>
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>When the ticket was resolved or closed (stops the clocks).</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The SLA policy its clocks follow (always the latest version of it).</summary>
    public required string PolicyId { get; init; }

    /// <summary>A per-client or per-team calendar replacing the policy's calendar; null for the policy's.</summary>
    public string? CalendarId { get; init; }

    /// <summary>When the ticket was registered here.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed here.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-concurrency revision; 0 for a ticket not stored yet.</summary>
    public long Revision { get; init; }
}
