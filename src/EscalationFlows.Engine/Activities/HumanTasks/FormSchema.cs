using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>
/// The form of a human task: <c>{ schema, uiSchema? }</c>, a JSON Schema (draft 2020-12) for the data and an optional
/// RJSF-style uiSchema (<c>ui:order</c>, per-field <c>ui:widget</c> and <c>ui:help</c>). Checks the form when a
/// definition is validated and checks submitted data against it (formats such as email and date-time enforced).
/// </summary>
public sealed class FormSchema
{
    private readonly JsonSchema _schema;

    private FormSchema(JsonObject document, JsonSchema schema)
    {
        Document = document;
        _schema = schema;
    }

    /// <summary>The form as written: <c>{ schema, uiSchema? }</c>.</summary>
    public JsonObject Document { get; }

    /// <summary>Problems with a form value, each with a pointer relative to the form value (empty when it is usable).</summary>
    public static IReadOnlyList<FormFieldError> Check(JsonNode? form)
    {
        var errors = new List<FormFieldError>();
        TryParse(form, errors);
        return errors;
    }

    /// <summary>Builds a usable form, or throws <see cref="ArgumentException"/> naming the first problem.</summary>
    public static FormSchema Parse(JsonNode? form)
    {
        var errors = new List<FormFieldError>();
        return TryParse(form, errors) ?? throw new ArgumentException($"The form is not valid at '{errors[0].Pointer}': {errors[0].Message}", nameof(form));
    }

    /// <summary>Every problem of <paramref name="data"/> against the form, one per field and rule; empty when the data is valid.</summary>
    public IReadOnlyList<FormFieldError> Validate(JsonNode? data)
    {
        if (data is not JsonObject)
        {
            return [new FormFieldError(string.Empty, "The form data must be a JSON object whose properties are the form's fields.")];
        }

        using var json = JsonDocument.Parse(data.ToJsonString());
        var results = _schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<FormFieldError>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.IsValid || detail.Errors is null)
            {
                continue;
            }

            var pointer = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                var subschema = SchemaAt(detail.EvaluationPath.ToString(), keyword);
                foreach (var error in Explain(keyword, message, detail.EvaluationPath.ToString(), pointer, subschema, Find(data, pointer)))
                {
                    if (!errors.Contains(error))
                    {
                        errors.Add(error);
                    }
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new FormFieldError(string.Empty, "The data does not match the form."));
        }

        return errors;
    }

    private static FormSchema? TryParse(JsonNode? form, List<FormFieldError> errors)
    {
        if (form is not JsonObject document)
        {
            errors.Add(new FormFieldError(string.Empty, "The form must be an object { \"schema\": <JSON Schema of the data>, \"uiSchema\": {...} }."));
            return null;
        }

        foreach (var (name, _) in document)
        {
            if (name is not ("schema" or "uiSchema"))
            {
                errors.Add(new FormFieldError($"/{Escape(name)}", $"'{name}' is not part of a form; a form has 'schema' and optionally 'uiSchema'."));
            }
        }

        if (document["schema"] is not JsonObject schemaNode)
        {
            errors.Add(new FormFieldError("/schema", "The form needs a 'schema': a JSON Schema object describing the data."));
            return null;
        }

        if (schemaNode["type"] is not JsonValue type || !type.TryGetValue<string>(out var typeName) || typeName != "object")
        {
            errors.Add(new FormFieldError("/schema/type", "The form's schema must have \"type\": \"object\": the data is an object of fields."));
        }

        // A standalone element (no document to dispose): the built schema keeps referring to it.
        var element = JsonSerializer.SerializeToElement(schemaNode);
        var meta = MetaSchemas.Draft202012.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!meta.IsValid)
        {
            foreach (var detail in meta.Details ?? [])
            {
                if (detail.IsValid || detail.Errors is null)
                {
                    continue;
                }

                foreach (var (_, message) in detail.Errors)
                {
                    var error = new FormFieldError($"/schema{detail.InstanceLocation}", $"Not a valid JSON Schema here: {Sentence(message)}");
                    if (!errors.Contains(error))
                    {
                        errors.Add(error);
                    }
                }
            }

            if (!errors.Any(e => e.Pointer.StartsWith("/schema", StringComparison.Ordinal)))
            {
                errors.Add(new FormFieldError("/schema", "The schema is not a valid JSON Schema (draft 2020-12)."));
            }

            return null;
        }

        CheckReferences(schemaNode, "/schema", errors);
        if (errors.Count > 0)
        {
            return null;
        }

        JsonSchema built;
        try
        {
            // A registry of its own: schemas with the same $id in two forms never collide, and nothing is fetched remotely.
            built = JsonSchema.Build(element, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        }
        catch (Exception ex) when (ex is JsonSchemaException or RefResolutionException or ArgumentException or InvalidOperationException)
        {
            errors.Add(new FormFieldError("/schema", $"The schema cannot be used: {Sentence(ex.Message)}"));
            return null;
        }

        CheckUiSchema(document["uiSchema"], schemaNode, errors);
        return errors.Count == 0 ? new FormSchema((JsonObject)document.DeepClone(), built) : null;
    }

    /// <summary>Only references inside the form's own schema (<c>#...</c>): nothing is ever fetched, no other schema is reached.</summary>
    private static void CheckReferences(JsonNode? node, string pointer, List<FormFieldError> errors)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var at = $"{pointer}/{Escape(name)}";
                    if (name is "$ref" or "$dynamicRef" && (value is not JsonValue reference || !reference.TryGetValue<string>(out var target) || !target.StartsWith('#')))
                    {
                        errors.Add(new FormFieldError(at, "A form's schema may only refer to its own parts (\"#/$defs/...\"); other documents are never fetched."));
                        continue;
                    }

                    CheckReferences(value, at, errors);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckReferences(array[i], $"{pointer}/{i}", errors);
                }

                break;
        }
    }

    private static void CheckUiSchema(JsonNode? uiSchema, JsonObject schema, List<FormFieldError> errors)
    {
        if (uiSchema is null)
        {
            return;
        }

        if (uiSchema is not JsonObject ui)
        {
            errors.Add(new FormFieldError("/uiSchema", "The uiSchema must be an object (\"ui:order\", and per field \"ui:widget\" and \"ui:help\")."));
            return;
        }

        var properties = schema["properties"] as JsonObject;
        if (ui["ui:order"] is { } order)
        {
            if (order is not JsonArray names)
            {
                errors.Add(new FormFieldError("/uiSchema/ui:order", "'ui:order' must be a list of field names."));
            }
            else
            {
                for (var i = 0; i < names.Count; i++)
                {
                    if (names[i] is not JsonValue v || !v.TryGetValue<string>(out var name))
                    {
                        errors.Add(new FormFieldError($"/uiSchema/ui:order/{i}", "Each entry of 'ui:order' is a field name."));
                    }
                    else if (name != "*" && (properties is null || !properties.ContainsKey(name)))
                    {
                        errors.Add(new FormFieldError($"/uiSchema/ui:order/{i}", $"'{name}' is not a field of the form's schema."));
                    }
                }
            }
        }

        foreach (var (name, value) in ui)
        {
            if (name.StartsWith("ui:", StringComparison.Ordinal))
            {
                continue;
            }

            if (value is not JsonObject)
            {
                errors.Add(new FormFieldError($"/uiSchema/{Escape(name)}", $"The settings of the field '{name}' must be an object such as {{ \"ui:help\": \"...\" }}."));
            }
            else if (properties is null || !properties.ContainsKey(name))
            {
                errors.Add(new FormFieldError($"/uiSchema/{Escape(name)}", $"'{name}' is not a field of the form's schema."));
            }
        }
    }

    /// <summary>The schema object holding the failed keyword (the reported path can end at the keyword or just above it).</summary>
    private JsonObject? SchemaAt(string evaluationPath, string keyword)
    {
        var path = evaluationPath;
        for (var hops = 0; hops < 3; hops++)
        {
            if (Find(Document["schema"], path) is JsonObject node && (keyword.Length == 0 || node.ContainsKey(keyword)))
            {
                return node;
            }

            var cut = path.LastIndexOf('/');
            if (cut < 0)
            {
                break;
            }

            path = path[..cut];
        }

        return null;
    }

    private static IEnumerable<FormFieldError> Explain(string keyword, string message, string evaluationPath, string pointer, JsonObject? schema, JsonNode? value)
    {
        var field = pointer.Length == 0 ? "The data" : $"'{Unescape(pointer[(pointer.LastIndexOf('/') + 1)..])}'";
        switch (keyword)
        {
            case "required" when Keyword(schema, "required") is JsonArray required && value is JsonObject present:
                foreach (var name in required.Select(r => r?.GetValue<string>()).Where(r => r is not null && !present.ContainsKey(r)))
                {
                    yield return new FormFieldError($"{pointer}/{Escape(name!)}", $"'{name}' is required.");
                }

                yield break;
            case "format" when Keyword(schema, "format") is JsonValue format && format.TryGetValue<string>(out var formatName):
                yield return new FormFieldError(pointer, $"{field} is not a valid {Describe(formatName)}.");
                yield break;
            case "type" when Keyword(schema, "type") is { } type:
                yield return new FormFieldError(pointer, $"{field} should be {Article(type)} but is {Kind(value)}.");
                yield break;
            case "enum" when Keyword(schema, "enum") is JsonArray allowed:
                yield return new FormFieldError(pointer, $"{field} must be one of {string.Join(", ", allowed.Select(a => a?.ToJsonString()))}.");
                yield break;
            case "" when evaluationPath.Contains("/additionalProperties", StringComparison.Ordinal):
                yield return new FormFieldError(pointer, $"{field} is not a field of this form.");
                yield break;
        }

        yield return new FormFieldError(pointer, $"{field}: {Sentence(message)}");
    }

    private static JsonNode? Keyword(JsonObject? schema, string keyword) => schema is not null && schema.TryGetPropertyValue(keyword, out var value) ? value : null;

    private static string Describe(string format) => format switch
    {
        "email" => "email address",
        "date-time" => "date and time (ISO 8601, such as 2026-12-01T09:00:00Z)",
        "date" => "date (such as 2026-12-01)",
        "time" => "time (such as 09:30:00Z)",
        "uri" => "absolute URI",
        "uuid" => "UUID",
        _ => $"'{format}' value",
    };

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
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "empty",
    };

    private static JsonNode? Find(JsonNode? node, string pointer)
    {
        foreach (var raw in pointer.TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = Unescape(raw);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(segment, out var child) ? child : null,
                JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    private static string Sentence(string message) => message.EndsWith('.') ? message : message + ".";

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string segment) => segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
