namespace EscalationFlows.Persistence.Entities;

/// <summary>A tracked ticket (table <c>esc_tickets</c>), unique per (source, external id).</summary>
public sealed class TrackedTicketRow
{
    public required string Id { get; set; }

    public required string Source { get; set; }

    public required string ExternalId { get; set; }

    public required string Client { get; set; }

    public string? Tier { get; set; }

    public int Priority { get; set; }

    public required string Title { get; set; }

    public required string Status { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public required string PolicyId { get; set; }

    public string? CalendarId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic-concurrency token: every update checks and increments it.</summary>
    public long Revision { get; set; }
}
