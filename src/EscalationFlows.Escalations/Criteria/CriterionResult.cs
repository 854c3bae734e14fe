namespace EscalationFlows.Escalations.Criteria;

/// <summary>One criterion: its name (slaRemaining, priority, clientTier, clientRequest, handlerFlag, authorityNeeded), whether it matched, and why.</summary>
public sealed record CriterionResult(string Criterion, bool Matched, string Reason);
