namespace EscalationFlows.Escalations.Severity;

/// <summary>
/// An impact × urgency → priority matrix (configuration <c>Escalations:Severity:Profiles:{name}</c>): <see cref="Matrix"/>
/// rows are impact 1..3, columns urgency 1..3, values priorities 1..5; <see cref="Labels"/> names each priority.
/// </summary>
public sealed class SeverityProfile
{
    public List<List<int>> Matrix { get; set; } = [];

    /// <summary>Priority → label ("1" → "Critical"); missing labels use the standard ones.</summary>
    public Dictionary<string, string> Labels { get; set; } = [];

    public string? Description { get; set; }
}
