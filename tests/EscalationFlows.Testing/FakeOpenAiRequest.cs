using System.Text.Json.Nodes;

namespace EscalationFlows.Testing;

/// <summary>A request <see cref="FakeOpenAiServer"/> received.</summary>
public sealed record FakeOpenAiRequest(string Method, string Path, string? Authorization, JsonObject Body)
{
    public string Model => Body["model"]?.GetValue<string>() ?? "";

    /// <summary>The messages' contents by role, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. (Body["messages"] as JsonArray ?? []).Select(m => (m!["role"]!.GetValue<string>(), Content(m["content"])))];

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };
}
