using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>
/// The one JSON configuration for definitions and instance state: camelCase, nulls omitted,
/// bounded depth, and no polymorphic type handling, so nothing in a document can name a CLR type.
/// </summary>
public static class WorkflowJson
{
    /// <summary>Deepest nesting a definition document, an expression result or a parsed payload may have.</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// Deepest nesting the serializer reads and writes. Instance state nests values (each at most
    /// <see cref="MaxDepth"/> deep) a few levels inside its own structure, so it needs more room than a value.
    /// </summary>
    public const int MaxSerializerDepth = 2 * MaxDepth;

    public static JsonSerializerOptions Options { get; } = CreateOptions(writeIndented: false);

    public static JsonSerializerOptions IndentedOptions { get; } = CreateOptions(writeIndented: true);

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static JsonNodeOptions NodeOptions { get; } = new() { PropertyNameCaseInsensitive = false };

    public static string Serialize<T>(T value, bool indented = false) =>
        JsonSerializer.Serialize(value, indented ? IndentedOptions : Options);

    public static JsonNode? ToNode<T>(T value) => JsonSerializer.SerializeToNode(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);

    public static T? Deserialize<T>(JsonNode? node) => node is null ? default : node.Deserialize<T>(Options);

    /// <summary>Parses JSON text with the definition limits (depth, no comments); throws <see cref="JsonException"/>.</summary>
    public static JsonNode? ParseNode(string json) => JsonNode.Parse(json, NodeOptions, DocumentOptions);

    private static JsonSerializerOptions CreateOptions(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxSerializerDepth,
            WriteIndented = writeIndented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
