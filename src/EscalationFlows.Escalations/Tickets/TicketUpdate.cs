namespace EscalationFlows.Escalations.Tickets;

/// <summary>A change to a tracked ticket (body of <c>PATCH /api/tickets/{id}</c>); absent fields stay as they are.</summary>
public sealed record TicketUpdate
{
    public string? Status { get; init; }

    public int? Priority { get; init; }

    /// <summary>A new client tier; an empty string removes the tier.</summary>
    public string? Tier { get; init; }

    public string? Title { get; init; }

    /// <summary>When the first response was given (stops the response clock at that instant).</summary>
    public DateTimeOffset? RespondedAt { get; init; }

    /// <summary>When the change happened in the source system; default now. Must not be in the future or before the last change.</summary>
    public DateTimeOffset? At { get; init; }
}
