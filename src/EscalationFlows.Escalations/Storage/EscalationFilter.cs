namespace EscalationFlows.Escalations.Storage;

/// <summary>What a list of escalations is filtered by (every filter optional; all given ones must match).</summary>
public sealed record EscalationFilter
{
    public string? Stage { get; init; }

    public int? Priority { get; init; }

    /// <summary>Resolution team, ignoring case.</summary>
    public string? Team { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>Client name, ignoring case.</summary>
    public string? Client { get; init; }

    public string? SlaStatus { get; init; }

    /// <summary>Only escalations that are not closed or returned (true), only finished ones (false), or both (null).</summary>
    public bool? Open { get; init; }
}
