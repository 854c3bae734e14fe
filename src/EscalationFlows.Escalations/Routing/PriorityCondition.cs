using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Routing;

/// <summary>
/// The priority column of a route rule: any (missing, empty or <c>*</c>), one priority (<c>2</c>, <c>"2"</c>,
/// <c>"P2"</c>) or an inclusive range (<c>"1-2"</c>, <c>"P1-P2"</c>).
/// </summary>
public sealed record PriorityCondition(int? From, int? To)
{
    public static PriorityCondition Any { get; } = new(null, null);

    public bool IsAny => From is null;

    public bool Matches(int? priority) => IsAny || (priority is { } p && p >= From && p <= To);

    public override string ToString() => IsAny ? "any" : From == To ? $"P{From}" : $"P{From}-P{To}";

    public static bool TryParse(JsonNode? value, out PriorityCondition condition, out string? error)
    {
        condition = Any;
        error = null;
        switch (value)
        {
            case null:
                return true;
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                if (number.TryGetValue<int>(out var single) && single is >= 1 and <= 5)
                {
                    condition = new PriorityCondition(single, single);
                    return true;
                }

                error = $"The priority {number.ToJsonString()} is not 1 to 5.";
                return false;
            case JsonValue text when text.GetValueKind() == JsonValueKind.String:
                return TryParse(text.GetValue<string>(), out condition, out error);
            default:
                error = "The priority is a number (2), a text such as \"P2\" or \"1-2\", or \"*\" for any.";
                return false;
        }
    }

    public static bool TryParse(string text, out PriorityCondition condition, out string? error)
    {
        condition = Any;
        error = null;
        var trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "*")
        {
            return true;
        }

        var parts = trimmed.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is 1 or 2 && parts.All(p => One(p) is not null))
        {
            var from = One(parts[0])!.Value;
            var to = One(parts[^1])!.Value;
            if (from <= to)
            {
                condition = new PriorityCondition(from, to);
                return true;
            }

            error = $"The range '{trimmed}' runs backwards; write the higher priority first, such as \"1-2\".";
            return false;
        }

        error = $"'{trimmed}' is not a priority: write 2, \"P2\", a range such as \"1-2\" or \"P1-P2\", or \"*\" for any.";
        return false;
    }

    private static int? One(string text)
    {
        var digits = text.StartsWith('P') || text.StartsWith('p') ? text[1..] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 5 ? value : null;
    }
}
