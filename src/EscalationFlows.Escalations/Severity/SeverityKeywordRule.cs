namespace EscalationFlows.Escalations.Severity;

/// <summary>
/// Raises the priority to at least <see cref="Priority"/> when the title or description contains one of
/// <see cref="Keywords"/> (whole words or phrases, ignoring case) or the category is one of <see cref="Categories"/>.
/// </summary>
public sealed class SeverityKeywordRule
{
    public string Name { get; set; } = string.Empty;

    public List<string> Keywords { get; set; } = [];

    public List<string> Categories { get; set; } = [];

    /// <summary>The priority the escalation gets at least (1 = critical).</summary>
    public int Priority { get; set; } = 2;
}
