using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// The built-in offline summarizer: scores each entry's sentences (<see cref="ExtractiveScorer"/>), picks the best
/// <see cref="ContextSummaryOptions.MaxSentences"/> entries while skipping near-duplicates (which become "also on …"
/// citations of the point they repeat), and writes them in chronological order as quotes introduced by time, actor
/// and kind. Every sentence cites the entries it quotes; nothing is invented.
/// </summary>
public sealed partial class ExtractiveSummarizer : IContextSummarizer
{
    /// <summary>Entries whose chosen sentences share at least this share of terms repeat each other.</summary>
    private const double DuplicateSimilarity = 0.6;

    private readonly ContextSummaryOptions _options;
    private readonly TimeZoneInfo _zone;
    private readonly ILogger<ExtractiveSummarizer> _logger;

    public ExtractiveSummarizer(ContextSummaryOptions options, ILogger<ExtractiveSummarizer>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        _logger = logger ?? NullLogger<ExtractiveSummarizer>.Instance;
    }

    public Task<ContextSummary> SummarizeAsync(ContextSummaryRequest request, CancellationToken cancellationToken) => Task.FromResult(Summarize(request));

    /// <summary>The extractive summary, with <paramref name="fallbackReason"/> when it stands in for a model's.</summary>
    public ContextSummary Summarize(ContextSummaryRequest request, string? fallbackReason = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var entries = request.Timeline
            .Select((entry, index) => (entry, index))
            .OrderBy(x => x.entry.At)
            .ThenBy(x => x.index)
            .Select(x => x.entry)
            .ToList();

        var candidates = ExtractiveScorer.Score(request, entries);
        var chosen = new List<(ExtractiveCandidate Candidate, List<ExtractiveCandidate> Repeats)>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenByDescending(c => c.Order))
        {
            var repeated = chosen.FindIndex(c => ExtractiveScorer.Similarity(c.Candidate.Terms, candidate.Terms) >= DuplicateSimilarity);
            if (repeated >= 0)
            {
                chosen[repeated].Repeats.Add(candidate);
            }
            else if (chosen.Count < _options.MaxSentences)
            {
                chosen.Add((candidate, []));
            }
        }

        var writer = new SummarySentenceWriter(_zone, entries);
        var sentences = new List<SummarySentence>(chosen.Count);
        foreach (var (candidate, repeats) in chosen.OrderBy(c => c.Candidate.Order))
        {
            var others = repeats.OrderBy(r => r.Order).Select(r => r.Entry).ToList();
            var citations = new List<string> { candidate.Entry.Id };
            foreach (var other in others.Where(e => !citations.Contains(e.Id, StringComparer.Ordinal)))
            {
                citations.Add(other.Id);
            }

            sentences.Add(new SummarySentence(writer.Write(candidate.Entry, candidate.Sentence, others), citations));
        }

        LogExtractive(_logger, sentences.Count, entries.Count, fallbackReason ?? "none");
        return new ContextSummary(sentences, SummaryMethods.Extractive, FallbackReason: fallbackReason);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Context summary written extractively: {Sentences} sentences from {Entries} timeline entries (fallback reason: {Reason})")]
    private static partial void LogExtractive(ILogger logger, int sentences, int entries, string reason);
}
