using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Routing;

/// <summary>
/// One row of the <c>Escalations.Route</c> decision table, in the studio editor's format
/// (<c>{ priority, category, slaStatus, clientTier, team, authorityLevel }</c>). A missing or <c>*</c> condition
/// matches anything; text conditions compare ignoring case (SLA statuses also ignoring dashes: at-risk = atRisk).
/// </summary>
public sealed record RouteRule
{
    public PriorityCondition Priority { get; init; } = PriorityCondition.Any;

    public string? Category { get; init; }

    public string? SlaStatus { get; init; }

    public string? ClientTier { get; init; }

    public required string Team { get; init; }

    public string? AuthorityLevel { get; init; }

    public bool Matches(RouteFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Priority.Matches(facts.Priority)
            && Same(Category, facts.Category)
            && (SlaStatus is null || EscalationSlaStatuses.Normalize(SlaStatus) == EscalationSlaStatuses.Normalize(facts.SlaStatus))
            && Same(ClientTier, facts.ClientTier);
    }

    /// <summary>The conditions in words: "priority P1-P2, category any, SLA status atRisk, client tier any".</summary>
    public string Describe() =>
        $"priority {Priority}, category {Category ?? "any"}, SLA status {SlaStatus ?? "any"}, client tier {ClientTier ?? "any"}";

    private static bool Same(string? condition, string? value) =>
        condition is null || string.Equals(condition, value?.Trim(), StringComparison.OrdinalIgnoreCase);
}
