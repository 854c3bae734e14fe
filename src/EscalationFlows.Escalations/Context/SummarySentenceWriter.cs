using System.Globalization;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Turns a chosen sentence into a summary sentence without adding content: when, who, a verb taken from the entry's
/// kind, and the sentence itself in quotes, e.g. <c>On 3 Mar 14:20 Ana Ruiz wrote: “The VPN drops every hour.”</c>.
/// Long sentences are cut at a word with an ellipsis; repeats of the same point in other entries add "(also on …)".
/// </summary>
internal sealed class SummarySentenceWriter
{
    /// <summary>Quotes longer than this are cut at a word boundary.</summary>
    public const int MaxQuoteLength = 240;

    /// <summary>At most this many repeat times are written out; the rest are counted.</summary>
    public const int MaxRepeatTimes = 3;

    public const char OpenQuote = '“';

    public const char CloseQuote = '”';

    public const string Ellipsis = "…";

    private readonly TimeZoneInfo _zone;
    private readonly bool _withYear;

    public SummarySentenceWriter(TimeZoneInfo zone, IReadOnlyList<TimelineEntry> entries)
    {
        _zone = zone;
        _withYear = entries.Select(e => TimeZoneInfo.ConvertTime(e.At, zone).Year).Distinct().Skip(1).Any();
    }

    public string Write(TimelineEntry entry, string sentence, IReadOnlyList<TimelineEntry> repeats)
    {
        var actor = string.IsNullOrWhiteSpace(entry.Actor) ? "Someone" : TextTokens.Normalize(entry.Actor);
        var quote = Quote(sentence);
        var text = $"On {When(entry.At)} {actor} {TimelineKinds.Verb(entry.Kind)}: {OpenQuote}{quote}{CloseQuote}";
        if (repeats.Count > 0)
        {
            var times = string.Join(", ", repeats.Take(MaxRepeatTimes).Select(r => When(r.At)));
            return text + (repeats.Count > MaxRepeatTimes ? $" (also on {times} and {repeats.Count - MaxRepeatTimes} more times)." : $" (also on {times}).");
        }

        // A quote that ends a sentence ends the summary sentence too.
        return quote.Length > 0 && ".!?…。！？".Contains(quote[^1], StringComparison.Ordinal) ? text : text + ".";
    }

    /// <summary>The sentence, cut at a word boundary with an ellipsis when it is longer than <see cref="MaxQuoteLength"/>.</summary>
    public static string Quote(string sentence)
    {
        if (sentence.Length <= MaxQuoteLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', MaxQuoteLength);
        if (cut < MaxQuoteLength / 2)
        {
            cut = MaxQuoteLength;
        }

        if (char.IsHighSurrogate(sentence[cut - 1]))
        {
            cut--;
        }

        return sentence[..cut].TrimEnd() + Ellipsis;
    }

    private string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        return local.ToString(_withYear ? "d MMM yyyy HH:mm" : "d MMM HH:mm", CultureInfo.InvariantCulture);
    }
}
