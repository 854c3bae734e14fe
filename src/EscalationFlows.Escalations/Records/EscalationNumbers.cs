using System.Globalization;

namespace EscalationFlows.Escalations.Records;

/// <summary>Escalation numbers: a gap-free sequence per database, shown as <c>ESC-000123</c>.</summary>
public static class EscalationNumbers
{
    public const string Prefix = "ESC-";

    public static string Format(long number) => Prefix + number.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>ESC-000123</c> (any case, leading zeros optional) into 123.</summary>
    public static bool TryParse(string? text, out long number)
    {
        number = 0;
        return text is not null
            && text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number)
            && number > 0;
    }
}
