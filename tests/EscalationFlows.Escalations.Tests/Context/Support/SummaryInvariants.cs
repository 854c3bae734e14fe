using EscalationFlows.Escalations.Context;

namespace EscalationFlows.Escalations.Tests.Context.Support;

/// <summary>What every extractive summary must satisfy, whatever the timeline.</summary>
public static class SummaryInvariants
{
    private const char Open = '“';
    private const char Close = '”';

    public static void AssertHolds(ContextSummaryRequest request, ContextSummary summary, int maxSentences, string context)
    {
        var byId = request.Timeline.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        Assert.True(summary.Sentences.Count <= maxSentences, $"{context}: {summary.Sentences.Count} sentences > {maxSentences}");

        var previous = DateTimeOffset.MinValue;
        foreach (var sentence in summary.Sentences)
        {
            Assert.True(sentence.Citations.Count > 0, $"{context}: a sentence without citations: {sentence.Text}");
            Assert.Equal(sentence.Citations.Count, sentence.Citations.Distinct(StringComparer.Ordinal).Count());
            foreach (var id in sentence.Citations)
            {
                Assert.True(byId.ContainsKey(id), $"{context}: '{sentence.Text}' cites '{id}', which is not in the timeline");
            }

            // The quote is a verbatim piece of the (whitespace-normalised) text of the entry cited first.
            var open = sentence.Text.IndexOf(Open, StringComparison.Ordinal);
            var close = sentence.Text.LastIndexOf(Close);
            Assert.True(open >= 0 && close > open, $"{context}: no quote in '{sentence.Text}'");
            var quote = sentence.Text[(open + 1)..close];
            if (quote.EndsWith('…'))
            {
                quote = quote[..^1];
            }

            var sources = byId[sentence.Citations[0]];
            Assert.True(sources.Any(e => Normalize(e.Text).Contains(quote, StringComparison.Ordinal)), $"{context}: the quote '{quote}' is not in entry {sentence.Citations[0]}");

            var at = sources.Min(e => e.At);
            Assert.True(at >= previous, $"{context}: sentences are not in chronological order at '{sentence.Text}'");
            previous = at;
        }
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
