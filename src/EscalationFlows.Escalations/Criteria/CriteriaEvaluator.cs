using System.Globalization;
using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Criteria;

/// <summary>Judges a request against <see cref="EscalationCriteria"/>, explaining each criterion.</summary>
public static class CriteriaEvaluator
{
    public static CriteriaOutcome Evaluate(EscalationCriteria criteria, CriteriaFacts facts)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(facts);
        var results = new List<CriterionResult>();
        if (criteria.SlaRemainingPercentAtMost is { } remainingLimit)
        {
            results.Add(facts.TriggerReason is TriggerReasons.SlaRisk or TriggerReasons.SlaBreach
                ? new CriterionResult("slaRemaining", true, facts.TriggerReason == TriggerReasons.SlaBreach ? "the ticket's SLA is breached" : "the ticket's SLA reached its at-risk threshold")
                : facts.SlaRemainingPercent is { } remaining
                    ? new CriterionResult("slaRemaining", remaining <= remainingLimit,
                        $"{Percent(remaining)} of the SLA is left ({(remaining <= remainingLimit ? "at most" : "more than")} {Percent(remainingLimit)})")
                    : new CriterionResult("slaRemaining", false, "the ticket has no SLA clock"));
        }

        if (criteria.PriorityAtLeast is { } priorityLimit)
        {
            results.Add(facts.Priority is { } priority
                ? new CriterionResult("priority", priority <= priorityLimit, $"priority P{priority} is {(priority <= priorityLimit ? "at least" : "below")} P{priorityLimit}")
                : new CriterionResult("priority", false, "the priority is not known"));
        }

        if (criteria.ClientTiers.Count > 0)
        {
            var tier = facts.Tier?.Trim();
            var matched = tier is not null && criteria.ClientTiers.Any(t => string.Equals(t.Trim(), tier, StringComparison.OrdinalIgnoreCase));
            results.Add(new CriterionResult("clientTier", matched, tier is null
                ? "the client has no tier"
                : $"the client's tier '{tier}' is {(matched ? string.Empty : "not ")}one of {string.Join(", ", criteria.ClientTiers)}"));
        }

        if (criteria.ClientRequest)
        {
            var asked = facts.ClientRequested || facts.TriggerReason == TriggerReasons.ClientRequest;
            results.Add(new CriterionResult("clientRequest", asked, asked ? "the client asked for an escalation" : "the client did not ask for an escalation"));
        }

        if (criteria.HandlerFlag)
        {
            var flagged = facts.Flagged || facts.TriggerReason == TriggerReasons.ManualFlag;
            results.Add(new CriterionResult("handlerFlag", flagged, flagged ? "the handler flagged the ticket" : "the handler did not flag the ticket"));
        }

        if (criteria.AuthorityNeeded)
        {
            results.Add(new CriterionResult("authorityNeeded", facts.NeedsAuthority,
                facts.NeedsAuthority ? "the handler needs more authority than they have" : "the handler has the authority needed"));
        }

        var count = results.Count(r => r.Matched);
        var needed = Math.Max(1, criteria.MinimumMatches);
        var escalate = count >= needed;
        var summary = escalate
            ? $"Escalate: {count} of {results.Count} criteria matched ({string.Join("; ", results.Where(r => r.Matched).Select(r => r.Reason))})."
            : $"Return to the handler: {count} of {results.Count} criteria matched, {needed} needed ({string.Join("; ", results.Select(r => r.Reason))}).";
        return new CriteriaOutcome(escalate, results, summary);
    }

    private static string Percent(double value) => value.ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
