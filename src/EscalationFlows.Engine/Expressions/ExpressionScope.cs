using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Expressions;

/// <summary>
/// The data an expression sees, as plain JSON: <c>input</c>, <c>vars</c>, <c>outputs</c> (per activity id),
/// <c>instance</c>, and every workflow input and variable by its own name (variables win on a clash; the four
/// container names win over both). The scope only reads the objects it is given, it never copies or changes
/// them, so building one is cheap; the JSON handed to JavaScript is written once and reused.
/// </summary>
public sealed class ExpressionScope
{
    private static readonly string[] Containers = ["input", "vars", "outputs", "instance"];

    private readonly JsonObject _input;
    private readonly JsonObject _variables;
    private readonly JsonObject _outputs;
    private readonly JsonObject _instance;
    private readonly Dictionary<string, JsonNode?> _extra;
    private JsonObject? _root;
    private string? _json;

    public ExpressionScope(JsonObject input, JsonObject variables, JsonObject activityOutputs, JsonObject instance)
        : this(input, variables, activityOutputs, instance, new Dictionary<string, JsonNode?>(StringComparer.Ordinal))
    {
    }

    private ExpressionScope(JsonObject input, JsonObject variables, JsonObject outputs, JsonObject instance, Dictionary<string, JsonNode?> extra)
    {
        _input = input;
        _variables = variables;
        _outputs = outputs;
        _instance = instance;
        _extra = extra;
    }

    /// <summary>A copy of the whole scope as one JSON object (built on first use).</summary>
    public JsonObject Root => _root ??= BuildRoot();

    /// <summary>A scope with one more top-level name (for example <c>result</c> or <c>item</c>).</summary>
    public ExpressionScope With(string name, JsonNode? value) =>
        new(_input, _variables, _outputs, _instance, new Dictionary<string, JsonNode?>(_extra, StringComparer.Ordinal) { [name] = value?.DeepClone() });

    /// <summary>Finds a variable (<c>vars</c>) or input (<c>input</c>) by name without copying the scope.</summary>
    public bool TryGet(string container, string name, out JsonNode? value)
    {
        var source = container switch
        {
            "vars" => _variables,
            "input" => _input,
            "outputs" => _outputs,
            "instance" => _instance,
            _ => null,
        };
        value = null;
        return source is not null && source.TryGetPropertyValue(name, out value);
    }

    /// <summary>The top-level names and their values, in the order a reader should apply them (later wins).</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Entries()
    {
        var names = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (name, value) in _input)
        {
            names[name] = value;
        }

        foreach (var (name, value) in _variables)
        {
            names[name] = value;
        }

        foreach (var (name, value) in _extra)
        {
            names[name] = value;
        }

        names["input"] = _input;
        names["vars"] = _variables;
        names["outputs"] = _outputs;
        names["instance"] = _instance;
        return names;
    }

    public string ToJson() => _json ??= WriteJson();

    public static ExpressionScope Empty() => new([], [], [], []);

    private JsonObject BuildRoot()
    {
        var root = new JsonObject();
        foreach (var (name, value) in Entries())
        {
            root[name] = value?.DeepClone();
        }

        return root;
    }

    private string WriteJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false, MaxDepth = 1000 }))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Entries())
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Names every scope defines itself; a workflow input or variable may not use them.</summary>
    public static IReadOnlyList<string> ReservedNames => Containers;
}
