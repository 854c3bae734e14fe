using System.Globalization;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// A built-in extractive summary (no model): why the escalation was raised, what was tried, the latest client words and
/// the latest steps, each sentence citing the timeline entries it repeats. Registered only when no other
/// <see cref="IContextSummarizer"/> is (the context module's summarizer replaces it).
/// </summary>
public sealed class TimelineDigestSummarizer : IContextSummarizer
{
    private const int LatestSteps = 4;

    public Task<ContextSummary> SummarizeAsync(ContextSummaryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sentences = new List<SummarySentence>();
        var timeline = request.Timeline;
        if (timeline.Count == 0)
        {
            return Task.FromResult(new ContextSummary([], "extractive", FallbackReason: "The escalation has no history yet."));
        }

        var opened = timeline.FirstOrDefault(e => e.Kind == "opened") ?? timeline[0];
        sentences.Add(new SummarySentence($"{Sentence(request.Title)} {Sentence(opened.Text)}", [opened.Id]));
        foreach (var kind in new[] { "classified", "routed", "assigned" })
        {
            if (timeline.LastOrDefault(e => e.Kind == kind) is { } entry)
            {
                sentences.Add(new SummarySentence(Sentence(entry.Text), [entry.Id]));
            }
        }

        if (request.PriorAttempts is { Count: > 0 } attempts)
        {
            var cited = timeline.Where(e => e.Kind is "opened" or "note").Select(e => e.Id).Take(1).ToList();
            sentences.Add(new SummarySentence($"Tried before: {string.Join("; ", attempts)}.", cited.Count > 0 ? cited : [opened.Id]));
        }

        var client = timeline.Where(e => e.Kind is "client-answer" or "message-received").TakeLast(2).ToList();
        if (client.Count > 0)
        {
            sentences.Add(new SummarySentence($"The client said: {string.Join(" / ", client.Select(c => c.Text))}", [.. client.Select(c => c.Id)]));
        }

        var recent = timeline.Where(e => e.Kind is "task-completed" or "stage-changed" or "elevated").TakeLast(LatestSteps).ToList();
        if (recent.Count > 0)
        {
            sentences.Add(new SummarySentence($"Latest steps: {string.Join(" ", recent.Select(r => $"{r.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {Sentence(r.Text)}"))}",
                [.. recent.Select(r => r.Id)]));
        }

        return Task.FromResult(new ContextSummary(sentences, "extractive"));
    }

    private static string Sentence(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length == 0 || trimmed.EndsWith('.') || trimmed.EndsWith('?') || trimmed.EndsWith('!') ? trimmed : trimmed + ".";
    }
}
