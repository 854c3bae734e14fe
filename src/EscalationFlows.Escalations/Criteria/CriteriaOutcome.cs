namespace EscalationFlows.Escalations.Criteria;

/// <summary>The decision and every criterion's result (switched-off criteria are left out).</summary>
public sealed record CriteriaOutcome(bool Escalate, IReadOnlyList<CriterionResult> Results, string Summary)
{
    public IReadOnlyList<CriterionResult> Matched => [.. Results.Where(r => r.Matched)];
}
