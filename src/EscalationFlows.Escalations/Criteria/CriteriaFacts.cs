namespace EscalationFlows.Escalations.Criteria;

/// <summary>What the criteria are judged on.</summary>
public sealed record CriteriaFacts
{
    public string? TriggerReason { get; init; }

    public int? Priority { get; init; }

    public string? Tier { get; init; }

    /// <summary>How much of the ticket's resolution SLA is left, in percent; null when the ticket has no clock.</summary>
    public double? SlaRemainingPercent { get; init; }

    public bool ClientRequested { get; init; }

    public bool Flagged { get; init; }

    public bool NeedsAuthority { get; init; }
}
