using EscalationFlows.Escalations.Severity;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Escalations.Tests.Severity;

/// <summary>The impact × urgency matrices and the keyword/category rules that raise a priority, with their reasons.</summary>
public sealed class SeverityClassifierTests
{
    private static readonly SeverityClassifier Classifier = new(Options.Create(new SeverityOptions()));

    [Fact]
    public void The_itil_matrix_is_the_default_from_1_Critical_to_5_Planning()
    {
        Assert.Equal(SeverityDefaults.Itil, Classifier.DefaultProfile);
        var result = Classifier.Classify(3, 3, "printing", "Toner low");
        Assert.Equal((5, "Planning", 5), (result.Priority, result.Label, result.MatrixPriority));
        Assert.Single(result.Reasons);
    }

    [Theory]
    [InlineData("Customer portal down for everyone", null, 2, "outage")]
    [InlineData("Phishing mail reached the finance team", null, 2, "security")]
    [InlineData("Orders table corrupted data after the upgrade", null, 1, "data loss")]
    [InlineData("Something odd", "data-loss", 1, "data loss")]
    public void Keyword_and_category_rules_raise_the_priority_and_say_why(string text, string? category, int priority, string rule)
    {
        var result = Classifier.Classify(2, 3, category, text);

        Assert.Equal((priority, 4), (result.Priority, result.MatrixPriority));
        Assert.Contains(result.Reasons, r => r.StartsWith($"The '{rule}' rule raises it to P{priority}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_never_lowers_a_priority_and_rules_can_be_switched_off()
    {
        var critical = Classifier.Classify(1, 1, null, "VPN down");
        Assert.Equal(1, critical.Priority);
        Assert.Contains(critical.Reasons, r => r.Contains("already at least P2", StringComparison.Ordinal));

        Assert.Equal(4, Classifier.Classify(2, 3, null, "VPN down", applyRules: false).Priority);
    }
}
