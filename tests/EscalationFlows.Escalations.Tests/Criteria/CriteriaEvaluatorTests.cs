using EscalationFlows.Escalations.Criteria;
using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Escalations.Tests.Criteria;

/// <summary>The escalation criteria: each one explained, Escalate when enough match, otherwise guidance for the handler.</summary>
public sealed class CriteriaEvaluatorTests
{
    private static readonly EscalationCriteria Defaults = new();

    [Fact]
    public void A_bronze_low_priority_flag_with_plenty_of_sla_left_returns_to_the_handler_with_every_reason()
    {
        var outcome = CriteriaEvaluator.Evaluate(Defaults, new CriteriaFacts { Priority = 4, Tier = "bronze", TriggerReason = TriggerReasons.ManualFlag, SlaRemainingPercent = 80, Flagged = true });

        Assert.False(outcome.Escalate);
        Assert.Equal(["slaRemaining", "priority", "clientTier", "clientRequest", "authorityNeeded"], outcome.Results.Select(r => r.Criterion));
        Assert.Empty(outcome.Matched);
        Assert.StartsWith("Return to the handler: 0 of 5 criteria matched, 1 needed (80 % of the SLA is left (more than 25 %); priority P4 is below P2;", outcome.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TriggerReasons.SlaRisk, null, 4, "bronze", false, "slaRemaining")]
    [InlineData(TriggerReasons.ManualFlag, 20.0, 4, "bronze", false, "slaRemaining")]
    [InlineData(TriggerReasons.ManualFlag, null, 2, "bronze", false, "priority")]
    [InlineData(TriggerReasons.ManualFlag, null, 4, "Gold", false, "clientTier")]
    [InlineData(TriggerReasons.ClientRequest, null, 4, "bronze", false, "clientRequest")]
    [InlineData(TriggerReasons.ManualFlag, null, 4, "bronze", true, "authorityNeeded")]
    public void Any_one_criterion_is_enough_by_default(string reason, double? slaLeft, int priority, string tier, bool needsAuthority, string criterion)
    {
        var outcome = CriteriaEvaluator.Evaluate(Defaults, new CriteriaFacts { TriggerReason = reason, SlaRemainingPercent = slaLeft, Priority = priority, Tier = tier, NeedsAuthority = needsAuthority });

        Assert.True(outcome.Escalate, outcome.Summary);
        Assert.Equal([criterion], outcome.Matched.Select(m => m.Criterion));
    }

    [Fact]
    public void A_handler_flag_counts_only_when_configured_and_the_minimum_can_be_raised()
    {
        var facts = new CriteriaFacts { TriggerReason = TriggerReasons.ManualFlag, Flagged = true, Priority = 2, Tier = "bronze" };
        Assert.Equal(["priority"], CriteriaEvaluator.Evaluate(Defaults, facts).Matched.Select(m => m.Criterion));
        Assert.Equal(["priority", "handlerFlag"], CriteriaEvaluator.Evaluate(Defaults with { HandlerFlag = true }, facts).Matched.Select(m => m.Criterion));
        Assert.False(CriteriaEvaluator.Evaluate(Defaults with { MinimumMatches = 2 }, facts).Escalate);
        Assert.True(CriteriaEvaluator.Evaluate(Defaults with { MinimumMatches = 2, HandlerFlag = true }, facts).Escalate);
    }
}
