using System.Text.RegularExpressions;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Replaces e-mail addresses and phone numbers with numbered placeholders (<c>[email-1]</c>, <c>[phone-1]</c>) in what
/// is sent to a remote model, remembering each value so the model's answer can be read back with the real values
/// (<see cref="Restore"/>). The same value always gets the same placeholder. Phone numbers are digit runs of 7 to 15
/// digits that start with '+' or contain separators (space, dash, dot, slash, parentheses) and are not dates or
/// dotted numbers such as IP addresses; plain digit runs count only when they start with 0 and have 10 or more digits.
/// </summary>
public sealed partial class PersonalDataRedactor
{
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private int _emails;
    private int _phones;

    /// <summary>How many distinct values were replaced.</summary>
    public int Count => _values.Count;

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var redacted = EmailPattern().Replace(text, m => Placeholder(m.Value, "email", ref _emails));
        return PhonePattern().Replace(redacted, m => IsPhone(m.Value) ? Placeholder(m.Value, "phone", ref _phones) : m.Value);
    }

    /// <summary>Puts the real values back in place of the placeholders this redactor made.</summary>
    public string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _values.Count == 0 ? text : PlaceholderPattern().Replace(text, m => _values.GetValueOrDefault(m.Value, m.Value));
    }

    private string Placeholder(string value, string kind, ref int counter)
    {
        if (!_placeholders.TryGetValue(value, out var placeholder))
        {
            placeholder = $"[{kind}-{++counter}]";
            _placeholders[value] = placeholder;
            _values[placeholder] = value;
        }

        return placeholder;
    }

    private static bool IsPhone(string candidate)
    {
        var digits = candidate.Count(char.IsAsciiDigit);
        if (digits is < 7 or > 15 || DatePattern().IsMatch(candidate) || DottedPattern().IsMatch(candidate))
        {
            return false;
        }

        if (candidate.StartsWith('+') || candidate.Any(c => c is ' ' or '-' or '.' or '/' or '(' or ')'))
        {
            return true;
        }

        return candidate.StartsWith('0') && digits >= 10;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\.[A-Za-z]{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\w+\-./])(?:\+|\(\+?)?\d[\d \-./()]{5,}\d(?![\w\-:])", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{1,4}[\-./]\d{1,2}[\-./]\d{1,4}(?:[ T]\d{1,2}[:.]\d{2})?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^\d+(?:\.\d+){2,}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DottedPattern();

    [GeneratedRegex(@"\[(?:email|phone)-\d+\]", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceholderPattern();
}
