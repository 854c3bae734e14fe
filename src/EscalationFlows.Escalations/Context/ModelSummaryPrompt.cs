using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace EscalationFlows.Escalations.Context;

/// <summary>
/// The chat messages asking a model for a cited summary: a system message with the rules and the answer format, and a
/// user message with the escalation as JSON (title, description, prior attempts, account, and the timeline entries with
/// their ids). Every text goes through the redactor when one is given. Long timelines are trimmed to a character
/// budget: the opening entry and the most recent entries are kept, each entry's text cut at <see cref="MaxEntryCharacters"/>.
/// </summary>
internal static class ModelSummaryPrompt
{
    public const int MaxEntryCharacters = 1500;

    public const int MaxTimelineCharacters = 30_000;

    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static List<ChatMessage> Build(ContextSummaryRequest request, int maxSentences, PersonalDataRedactor? redactor)
    {
        string Clean(string? text) => redactor is null ? text ?? "" : redactor.Redact(text ?? "");

        var system = string.Create(CultureInfo.InvariantCulture, $$"""
            You summarise a service escalation for the team that has to resolve it.
            Use only facts from the timeline entries you are given; never add facts, guesses or advice.
            Write at most {{maxSentences}} short sentences in chronological order, most important facts first within that limit.
            Every sentence must cite the id of each timeline entry it is based on; cite only ids that appear in the timeline.
            Placeholders such as [email-1] or [phone-1] stand for redacted personal data; keep them as they are.
            Answer with JSON only, exactly in this shape:
            {"sentences":[{"text":"...","citations":["<entry id>"]}]}
            """);

        var payload = new JsonObject
        {
            ["title"] = Clean(request.Title),
            ["description"] = request.Description is null ? null : Clean(request.Description),
            ["priorAttempts"] = new JsonArray([.. (request.PriorAttempts ?? []).Select(a => JsonValue.Create(Clean(a)))]),
            ["account"] = request.Account is null ? null : RedactNode(request.Account, Clean),
            ["timeline"] = Timeline(request.Timeline, Clean),
        };

        return
        [
            new ChatMessage(ChatRole.System, system),
            new ChatMessage(ChatRole.User, "Escalation (JSON):\n" + payload.ToJsonString(Compact)),
        ];
    }

    private static JsonArray Timeline(IReadOnlyList<TimelineEntry> timeline, Func<string?, string> clean)
    {
        var ordered = timeline.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e).ToList();
        var items = ordered.Select(e => new JsonObject
        {
            ["id"] = e.Id,
            ["at"] = e.At.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["actor"] = clean(e.Actor),
            ["kind"] = e.Kind,
            ["text"] = clean(Cut(e.Text)),
            ["source"] = e.Source is null ? null : clean(e.Source),
        }).ToList();

        // Keep the opening entry and as many of the latest as fit the budget.
        var kept = new List<JsonObject>();
        var budget = MaxTimelineCharacters;
        for (var i = items.Count - 1; i >= 1; i--)
        {
            var size = items[i].ToJsonString(Compact).Length;
            if (size > budget)
            {
                break;
            }

            budget -= size;
            kept.Add(items[i]);
        }

        if (items.Count > 0)
        {
            kept.Add(items[0]);
        }

        kept.Reverse();
        return new JsonArray([.. kept]);
    }

    private static string Cut(string? text)
    {
        text ??= "";
        return text.Length <= MaxEntryCharacters ? text : text[..MaxEntryCharacters] + SummarySentenceWriter.Ellipsis;
    }

    private static JsonNode? RedactNode(JsonNode? node, Func<string?, string> clean) => node switch
    {
        null => null,
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, RedactNode(p.Value, clean)))),
        JsonArray array => new JsonArray([.. array.Select(item => RedactNode(item, clean))]),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(clean(text)),
        _ => node.DeepClone(),
    };
}
