using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// Validates a model's answer: it must be JSON <c>{"sentences":[{"text":"...","citations":["id", ...]}]}</c> (a code
/// fence or words around the object are tolerated). A sentence without text, without citations, or citing any id that
/// is not in the timeline is dropped; duplicate citations are merged; at most <c>maxSentences</c> are kept. When no
/// sentence is left the answer fails with <see cref="SummaryFallbackReasons.InvalidOutput"/> or, when sentences were
/// dropped only for their citations, <see cref="SummaryFallbackReasons.UnknownCitations"/>.
/// </summary>
internal static class ModelSummaryParser
{
    public static ModelSummaryAnswer Parse(string? answer, IReadOnlySet<string> knownIds, int maxSentences)
    {
        var start = answer?.IndexOf('{', StringComparison.Ordinal) ?? -1;
        var end = answer?.LastIndexOf('}') ?? -1;
        if (answer is null || start < 0 || end < start)
        {
            return Fail(SummaryFallbackReasons.InvalidOutput, "the answer holds no JSON object");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(answer[start..(end + 1)], documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            return Fail(SummaryFallbackReasons.InvalidOutput, $"the answer is not JSON ({ex.Message})");
        }

        if (root is not JsonObject obj || obj["sentences"] is not JsonArray items)
        {
            return Fail(SummaryFallbackReasons.InvalidOutput, "the answer has no 'sentences' array");
        }

        var sentences = new List<SummarySentence>();
        var dropped = 0;
        var droppedForCitations = 0;
        foreach (var item in items)
        {
            if (sentences.Count == maxSentences)
            {
                break;
            }

            if (item is not JsonObject sentence || Text(sentence["text"]) is not { } text)
            {
                dropped++;
                continue;
            }

            var citations = Citations(sentence["citations"]);
            if (citations is null || citations.Count == 0)
            {
                dropped++;
                continue;
            }

            if (citations.Any(id => !knownIds.Contains(id)))
            {
                dropped++;
                droppedForCitations++;
                continue;
            }

            sentences.Add(new SummarySentence(text, citations));
        }

        if (sentences.Count > 0)
        {
            return new ModelSummaryAnswer(sentences, dropped, null, null);
        }

        return droppedForCitations > 0
            ? Fail(SummaryFallbackReasons.UnknownCitations, $"{droppedForCitations} of {items.Count} sentences cite entries that do not exist", dropped)
            : Fail(SummaryFallbackReasons.InvalidOutput, items.Count == 0 ? "the answer has no sentences" : "no sentence has text and citations", dropped);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? TextTokens.Normalize(text) : null;

    private static List<string>? Citations(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }

        var ids = new List<string>(array.Count);
        foreach (var item in array)
        {
            string? id = item switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s.Trim(),
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
                _ => null,
            };
            if (string.IsNullOrEmpty(id))
            {
                return null;
            }

            if (!ids.Contains(id, StringComparer.Ordinal))
            {
                ids.Add(id);
            }
        }

        return ids;
    }

    private static ModelSummaryAnswer Fail(string reason, string detail, int dropped = 0) => new([], dropped, reason, detail);
}
