namespace EscalationFlows.Escalations.Severity;

/// <summary>
/// The shipped profiles and rules. <c>itil</c> (the default) is the out-of-box ServiceNow/ITIL matrix (1..5: 3/3 →
/// 5 Planning); <c>servicenow-uci</c> is the matrix recorded in the UCI ServiceNow event log, where every (impact,
/// urgency) pair maps to one priority: 1/1 → 1; 1/2, 2/1 → 2; 2/2, 3/1 → 3; 2/3, 3/2, 3/3 → 4 (1/3 never occurs there
/// and is given 3, as in the ITIL matrix).
/// </summary>
public static class SeverityDefaults
{
    public const string Itil = "itil";
    public const string ServiceNowUci = "servicenow-uci";

    public static IReadOnlyDictionary<int, string> Labels { get; } = new Dictionary<int, string>
    {
        [1] = "Critical",
        [2] = "High",
        [3] = "Moderate",
        [4] = "Low",
        [5] = "Planning",
    };

    public static SeverityProfile ItilProfile() => new()
    {
        Description = "ITIL / ServiceNow out of the box: 1 Critical to 5 Planning.",
        Matrix = [[1, 2, 3], [2, 3, 4], [3, 4, 5]],
    };

    public static SeverityProfile ServiceNowUciProfile() => new()
    {
        Description = "As recorded in the UCI ServiceNow incident event log: priorities 1 to 4.",
        Matrix = [[1, 2, 3], [2, 3, 4], [3, 4, 4]],
    };

    public static List<SeverityKeywordRule> KeywordRules() =>
    [
        new() { Name = "outage", Keywords = ["outage", "down", "unavailable", "not reachable"], Categories = ["outage"], Priority = 2 },
        new() { Name = "security", Keywords = ["security", "breach", "vulnerability", "phishing", "ransomware"], Categories = ["security"], Priority = 2 },
        new() { Name = "data loss", Keywords = ["data loss", "data lost", "lost data", "corrupted data", "deleted data"], Categories = ["data-loss"], Priority = 1 },
    ];
}
