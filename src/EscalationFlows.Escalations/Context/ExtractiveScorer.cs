namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Scores every sentence of every entry and keeps each entry's best one. The score adds up, each part in [0, 1]:
/// salience (TF-IDF of the sentence's terms over the timeline, length-normalised), the kind's weight (client messages
/// and resolution attempts first, system logs last), recency, severity words (outage, breach, unable, ...), overlap with
/// the escalation's title and description, overlap with prior resolution attempts, and a bonus for the opening entry.
/// </summary>
internal static class ExtractiveScorer
{
    private const double SalienceWeight = 1.0;
    private const double KindWeight = 0.8;
    private const double RecencyWeight = 0.4;
    private const double SeverityWeight = 0.7;
    private const double TopicWeight = 0.6;
    private const double AttemptWeight = 0.3;
    private const double OpeningBonus = 0.5;

    private static readonly string[] SeverityStems =
    [
        "outage", "down", "critical", "urgent", "breach", "escalat", "fail", "error", "cannot", "can't", "cant", "unable", "block", "crash",
        "loss", "lost", "security", "revenue", "complain", "refund", "cancel", "legal", "impact", "production", "broken", "timeout", "asap",
        "immediately", "unacceptable", "deadline", "stopped", "severe",
    ];

    /// <summary>Neighbouring sentences of the same line join the best one while the quote stays within this length.</summary>
    public const int MaxGistLength = 200;

    /// <summary>
    /// One candidate per entry that has a sentence with at least one term: its best sentence, joined by the scored
    /// sentences next to it on the same line while they fit <see cref="MaxGistLength"/> (so "Restarted the server."
    /// keeps "It failed again after ten minutes."). <paramref name="entries"/> are in chronological order.
    /// </summary>
    public static List<ExtractiveCandidate> Score(ContextSummaryRequest request, IReadOnlyList<TimelineEntry> entries)
    {
        var sentences = new List<ScoredSentence>();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var position = 0;
            foreach (var (line, sentence) in SentenceSplitter.Split(entries[i].Text ?? ""))
            {
                var tokens = TextTokens.Of(sentence);
                position++;
                if (tokens.Count == 0)
                {
                    continue;
                }

                sentences.Add(new ScoredSentence(i, line, position, sentence, tokens));
                seen.UnionWith(tokens);
            }

            foreach (var term in seen)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }
        }

        if (sentences.Count == 0)
        {
            return [];
        }

        var topic = new HashSet<string>(TextTokens.Of($"{request.Title} {request.Description}"), StringComparer.Ordinal);
        var attempts = new HashSet<string>(TextTokens.Of(string.Join(' ', request.PriorAttempts ?? [])), StringComparer.Ordinal);
        var opening = Math.Max(0, entries.ToList().FindIndex(e => TimelineKinds.Weight(e.Kind) >= 1.0));

        var salience = sentences.Select(s => Salience(s.Tokens, documentFrequency, entries.Count)).ToList();
        var maxSalience = Math.Max(salience.Max(), double.Epsilon);
        for (var k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            var terms = new HashSet<string>(s.Tokens, StringComparer.Ordinal);
            var entry = entries[s.Order];
            var score = SalienceWeight * (salience[k] / maxSalience)
                + KindWeight * TimelineKinds.Weight(entry.Kind)
                + RecencyWeight * (entries.Count == 1 ? 1.0 : (double)s.Order / (entries.Count - 1))
                + SeverityWeight * Math.Min(1.0, s.Tokens.Count(IsSevere) / 2.0)
                + TopicWeight * Overlap(terms, topic)
                + AttemptWeight * Overlap(terms, attempts)
                + (s.Order == opening ? OpeningBonus : 0.0);
            s.Score = s.Tokens.Count < 3 ? score * 0.6 : score;
        }

        return [.. sentences.GroupBy(s => s.Order).Select(g => Gist(entries[g.Key], [.. g]))];
    }

    private static ExtractiveCandidate Gist(TimelineEntry entry, List<ScoredSentence> sentences)
    {
        var best = sentences.MaxBy(s => s.Score)!;
        var index = sentences.IndexOf(best);
        int first = index, last = index;
        var length = best.Text.Length;
        while (true)
        {
            var before = first > 0 && Adjacent(sentences[first - 1], sentences[first]) ? sentences[first - 1] : null;
            var after = last < sentences.Count - 1 && Adjacent(sentences[last], sentences[last + 1]) ? sentences[last + 1] : null;
            var next = (before, after) switch
            {
                (null, null) => null,
                ({ } b, null) => b,
                (null, { } a) => a,
                ({ } b, { } a) => a.Score >= b.Score ? a : b,
            };
            if (next is null || length + 1 + next.Text.Length > MaxGistLength)
            {
                break;
            }

            length += 1 + next.Text.Length;
            if (next == before)
            {
                first--;
            }
            else
            {
                last++;
            }
        }

        var parts = sentences.GetRange(first, last - first + 1);
        var terms = new HashSet<string>(parts.SelectMany(p => p.Tokens), StringComparer.Ordinal);
        return new ExtractiveCandidate(best.Order, entry, string.Join(' ', parts.Select(p => p.Text)), terms, best.Score);
    }

    private static bool Adjacent(ScoredSentence a, ScoredSentence b) => a.Line == b.Line && b.Position == a.Position + 1;

    /// <summary>Jaccard similarity of two term sets.</summary>
    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static double Salience(List<string> tokens, Dictionary<string, int> documentFrequency, int documents)
    {
        var sum = 0.0;
        foreach (var group in tokens.GroupBy(t => t, StringComparer.Ordinal))
        {
            var idf = Math.Log((documents + 1.0) / (documentFrequency[group.Key] + 0.5));
            sum += (1 + Math.Log(group.Count())) * idf;
        }

        return sum / Math.Sqrt(tokens.Count + 1);
    }

    private static double Overlap(HashSet<string> terms, HashSet<string> reference) =>
        reference.Count == 0 ? 0 : Math.Min(1.0, terms.Count(reference.Contains) / Math.Min(3.0, reference.Count));

    private static bool IsSevere(string token) => SeverityStems.Any(s => token.StartsWith(s, StringComparison.Ordinal));
}
