using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace EscalationFlows.Engine.Validation;

/// <summary>The JSON Schema every definition is checked against (workflows/schema/workflow-definition.schema.json, embedded).</summary>
public sealed class DefinitionSchema
{
    private static readonly Lazy<DefinitionSchema> Shared = new(() => new DefinitionSchema(LoadText()));

    private readonly JsonSchema _schema;
    private readonly JsonNode _schemaDocument;

    private DefinitionSchema(string text)
    {
        Text = text;
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        _schemaDocument = JsonNode.Parse(text)!;
    }

    public static DefinitionSchema Instance => Shared.Value;

    public string Text { get; }

    public IReadOnlyList<DefinitionError> Validate(JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString(), new JsonDocumentOptions { MaxDepth = Definitions.WorkflowJson.MaxSerializerDepth });
        var results = _schema.Evaluate(json.RootElement, new EvaluationOptions
        {
            OutputFormat = OutputFormat.List,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<DefinitionError>();
        foreach (var detail in results.Details ?? [])
        {
            var evaluationPath = detail.EvaluationPath.ToString();
            if (detail.IsValid || detail.Errors is null || evaluationPath.Contains("/if", StringComparison.Ordinal))
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                var error = new DefinitionError(pointer, DefinitionErrorCodes.Schema,
                    Explain(keyword, message, evaluationPath, SchemaNode(detail.SchemaLocation, keyword), Find(document, pointer), pointer));
                if (!errors.Contains(error))
                {
                    errors.Add(error);
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new DefinitionError(string.Empty, DefinitionErrorCodes.Schema, "The document does not match the workflow definition schema."));
        }

        return errors;
    }

    /// <summary>A plain sentence for one schema failure; JsonSchema.Net's own text is the fallback.</summary>
    private static string Explain(string keyword, string message, string evaluationPath, JsonObject? schema, JsonNode? value, string pointer)
    {
        var name = pointer.Length == 0 ? "document" : Unescape(pointer[(pointer.LastIndexOf('/') + 1)..]);
        switch (keyword)
        {
            case "" when evaluationPath.EndsWith("/additionalProperties", StringComparison.Ordinal):
                return $"'{name}' is not a property this object may have; check the spelling or remove it.";
            case "" when evaluationPath.EndsWith("/propertyNames", StringComparison.Ordinal):
                return $"'{name}' is not a valid name here.";
            case "required" when Keyword(schema, "required") is JsonArray required && value is JsonObject present:
                var missing = required.Select(r => r?.GetValue<string>()).Where(r => r is not null && !present.ContainsKey(r)).ToList();
                if (missing.Count > 0)
                {
                    return missing.Count == 1
                        ? $"The property '{missing[0]}' is required here."
                        : $"The properties {string.Join(", ", missing.Select(m => $"'{m}'"))} are required here.";
                }

                break;
            case "enum" when Keyword(schema, "enum") is JsonArray allowed:
                return $"{Show(value)} is not allowed for '{name}'; use one of {string.Join(", ", allowed.Select(a => a?.ToJsonString()))}.";
            case "const" when schema is not null && schema.ContainsKey("const"):
                return $"'{name}' must be {schema["const"]?.ToJsonString()}.";
            case "pattern" when Keyword(schema, "pattern") is JsonValue pattern:
                return $"{Show(value)} is not a valid value for '{name}': it must match {pattern.GetValue<string>()}.";
            case "type" when Keyword(schema, "type") is { } type:
                return $"'{name}' should be {Article(type)} but is {Kind(value)}.";
        }

        return message.EndsWith('.') ? message : message + ".";
    }

    private static JsonNode? Keyword(JsonObject? schema, string keyword) => schema is not null && schema.TryGetPropertyValue(keyword, out var value) ? value : null;

    /// <summary>The schema object holding the failed keyword (the reported location can point just below it).</summary>
    private JsonObject? SchemaNode(Uri location, string keyword)
    {
        var fragment = Uri.UnescapeDataString(location.Fragment.TrimStart('#'));
        for (var hops = 0; hops < 3; hops++)
        {
            if (Find(_schemaDocument, fragment) is JsonObject node && node.ContainsKey(keyword))
            {
                return node;
            }

            var cut = fragment.LastIndexOf('/');
            if (cut < 0)
            {
                break;
            }

            fragment = fragment[..cut];
        }

        return null;
    }

    private static JsonNode? Find(JsonNode? node, string pointer)
    {
        if (pointer.Length == 0)
        {
            return node;
        }

        foreach (var raw in pointer.TrimStart('/').Split('/'))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private static string Article(JsonNode type) => type switch
    {
        JsonArray types => string.Join(" or ", types.Select(t => Article(t!))),
        _ => type.GetValue<string>() switch
        {
            "object" or "array" or "integer" => $"an {type.GetValue<string>()}",
            var other => $"a {other}",
        },
    };

    private static string Kind(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string LoadText()
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream("workflow-definition.schema.json")
            ?? throw new InvalidOperationException("The workflow definition schema is not embedded in the engine assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
