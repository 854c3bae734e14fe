namespace EscalationFlows.Escalations.Severity;

/// <summary>
/// Configuration section <c>Escalations:Severity</c>: named matrix profiles, the default profile and the keyword and
/// category rules. Profiles and rules that are not configured come from <see cref="SeverityDefaults"/>; a configured
/// profile or rule list replaces the default of the same name entirely.
/// </summary>
public sealed class SeverityOptions
{
    public const string Section = "Escalations:Severity";

    public string DefaultProfile { get; set; } = SeverityDefaults.Itil;

    public Dictionary<string, SeverityProfile> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null: the default rules (outage, security, data loss). An empty list: none.</summary>
    public List<SeverityKeywordRule>? KeywordRules { get; set; }
}
