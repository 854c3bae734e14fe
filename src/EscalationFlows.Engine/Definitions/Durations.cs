using System.Globalization;
using System.Xml;

namespace EscalationFlows.Engine.Definitions;

/// <summary>Reads durations written as ISO 8601 (<c>PT4H</c>, <c>P2D</c>) or as <c>hh:mm:ss</c>.</summary>
public static class Durations
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal))
        {
            try
            {
                duration = XmlConvert.ToTimeSpan(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out duration);
    }

    public static TimeSpan Parse(string text) =>
        TryParse(text, out var duration)
            ? duration
            : throw new FormatException($"'{text}' is not a duration; write ISO 8601 such as PT30M or P2D, or hh:mm:ss.");

    public static string Format(TimeSpan duration) => XmlConvert.ToString(duration);
}
