using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Escalations.Severity;

/// <summary>
/// Priority from impact × urgency through a named profile (configuration, with the shipped defaults), then raised by
/// keyword and category rules. Every step says why in <see cref="SeverityResult.Reasons"/>.
/// </summary>
public sealed class SeverityClassifier
{
    private readonly Dictionary<string, SeverityProfile> _profiles;
    private readonly List<(SeverityKeywordRule Rule, Regex[] Patterns)> _rules;

    public SeverityClassifier(IOptions<SeverityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _profiles = new Dictionary<string, SeverityProfile>(StringComparer.OrdinalIgnoreCase)
        {
            [SeverityDefaults.Itil] = SeverityDefaults.ItilProfile(),
            [SeverityDefaults.ServiceNowUci] = SeverityDefaults.ServiceNowUciProfile(),
        };
        foreach (var (name, profile) in value.Profiles)
        {
            _profiles[name] = profile;
        }

        foreach (var (name, profile) in _profiles)
        {
            Check(name, profile);
        }

        DefaultProfile = _profiles.ContainsKey(value.DefaultProfile)
            ? value.DefaultProfile
            : throw new InvalidOperationException($"{SeverityOptions.Section}:DefaultProfile names '{value.DefaultProfile}', which is not a profile; profiles: {string.Join(", ", _profiles.Keys)}.");
        _rules = [.. (value.KeywordRules ?? SeverityDefaults.KeywordRules()).Select(r => (r, r.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Pattern).ToArray()))];
    }

    public string DefaultProfile { get; }

    public IReadOnlyCollection<string> ProfileNames => _profiles.Keys;

    public bool HasProfile(string name) => _profiles.ContainsKey(name);

    /// <summary>The matrix priority of (impact, urgency) in a profile (the default when null).</summary>
    /// <exception cref="ArgumentException">Unknown profile, or impact/urgency outside 1..3.</exception>
    public int MatrixPriority(int impact, int urgency, string? profile = null)
    {
        var name = profile ?? DefaultProfile;
        if (!_profiles.TryGetValue(name, out var matrix))
        {
            throw new ArgumentException($"There is no severity profile '{name}'; profiles: {string.Join(", ", _profiles.Keys)}.", nameof(profile));
        }

        if (impact is < 1 or > 3 || urgency is < 1 or > 3)
        {
            throw new ArgumentException($"Impact and urgency are 1 (high) to 3 (low); got impact {impact}, urgency {urgency}.", nameof(impact));
        }

        return matrix.Matrix[impact - 1][urgency - 1];
    }

    public string Label(int priority, string? profile = null) =>
        _profiles.TryGetValue(profile ?? DefaultProfile, out var p) && p.Labels.TryGetValue(priority.ToString(CultureInfo.InvariantCulture), out var label)
            ? label
            : SeverityDefaults.Labels.GetValueOrDefault(priority, $"P{priority}");

    /// <summary>Classifies; rules only ever raise the priority (make the number smaller).</summary>
    public SeverityResult Classify(int impact, int urgency, string? category, string? text, string? profile = null, bool applyRules = true)
    {
        var name = profile ?? DefaultProfile;
        var matrixPriority = MatrixPriority(impact, urgency, name);
        var reasons = new List<string>
        {
            $"Impact {impact} × urgency {urgency} gives P{matrixPriority} ({Label(matrixPriority, name)}) in the '{name}' matrix.",
        };
        var priority = matrixPriority;
        if (applyRules)
        {
            foreach (var (rule, patterns) in _rules)
            {
                var why = Match(rule, patterns, category, text);
                if (why is null)
                {
                    continue;
                }

                if (rule.Priority < priority)
                {
                    reasons.Add($"The '{rule.Name}' rule raises it to P{rule.Priority} ({Label(rule.Priority, name)}): {why}.");
                    priority = rule.Priority;
                }
                else
                {
                    reasons.Add($"The '{rule.Name}' rule matched ({why}) but P{priority} is already at least P{rule.Priority}.");
                }
            }
        }

        return new SeverityResult(priority, Label(priority, name), matrixPriority, name, reasons);
    }

    private static string? Match(SeverityKeywordRule rule, Regex[] patterns, string? category, string? text)
    {
        if (category is not null && rule.Categories.Any(c => string.Equals(c, category.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return $"the category is '{category.Trim()}'";
        }

        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < patterns.Length; i++)
        {
            if (patterns[i].IsMatch(text))
            {
                return $"the text mentions '{rule.Keywords.Where(k => !string.IsNullOrWhiteSpace(k)).ElementAt(i)}'";
            }
        }

        return null;
    }

    private static Regex Pattern(string keyword) =>
        new($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(keyword.Trim()).Replace(@"\ ", @"\s+", StringComparison.Ordinal)}(?![\p{{L}}\p{{N}}])",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));

    private static void Check(string name, SeverityProfile profile)
    {
        var ok = profile.Matrix.Count == 3 && profile.Matrix.All(row => row.Count == 3 && row.All(p => p is >= 1 and <= 5));
        if (!ok)
        {
            throw new InvalidOperationException(
                $"{SeverityOptions.Section}:Profiles:{name}:Matrix must be 3 rows (impact 1..3) of 3 priorities (urgency 1..3), each 1 to 5.");
        }
    }
}
