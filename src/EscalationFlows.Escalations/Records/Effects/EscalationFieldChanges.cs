namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>Fields an effect sets (null leaves a field as it is).</summary>
public sealed record EscalationFieldChanges
{
    public string? Title { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    public int? Impact { get; init; }

    public int? Urgency { get; init; }

    public int? Priority { get; init; }

    public string? Severity { get; init; }

    public IReadOnlyList<string>? SeverityReasons { get; init; }

    public string? Tier { get; init; }

    public string? ResolutionTeam { get; init; }

    public string? AuthorityLevel { get; init; }

    public string? RoutingExplanation { get; init; }

    public IReadOnlyList<string>? CriteriaMatched { get; init; }

    public bool? Flagged { get; init; }

    public string? FlagReason { get; init; }

    /// <summary>Added to the prior resolution attempts.</summary>
    public IReadOnlyList<string>? AddPriorAttempts { get; init; }

    public string? RemediationPlan { get; init; }

    public string? ResolutionDetails { get; init; }

    public string? RootCauseCategory { get; init; }

    public IReadOnlyList<string>? PreventiveActions { get; init; }

    public string? ProcessChanges { get; init; }

    public string? ReviewNotes { get; init; }

    public string? ClientConfirmation { get; init; }

    public string? ClientComment { get; init; }

    public string? SlaStatus { get; init; }

    public DateTimeOffset? ResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public Context.ContextSummary? Summary { get; init; }

    public IReadOnlyList<string>? AddStakeholders { get; init; }
}
