using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace EscalationFlows.Engine.Validation;

/// <summary>The JSON Schema every definition is checked against (workflows/schema/workflow-definition.schema.json, embedded).</summary>
public sealed class DefinitionSchema
{
    private static readonly Lazy<DefinitionSchema> Shared = new(() => new DefinitionSchema(LoadText()));

    private readonly JsonSchema _schema;

    private DefinitionSchema(string text)
    {
        Text = text;
        _schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    public static DefinitionSchema Instance => Shared.Value;

    public string Text { get; }

    public IReadOnlyList<DefinitionError> Validate(JsonNode document)
    {
        using var json = JsonDocument.Parse(document.ToJsonString());
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
            if (detail.IsValid || detail.Errors is null || detail.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (keyword, message) in detail.Errors)
            {
                var error = new DefinitionError(detail.InstanceLocation.ToString(), DefinitionErrorCodes.Schema, Explain(keyword, message));
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

    private static string Explain(string keyword, string message) => keyword switch
    {
        "additionalProperties" => "This property is not part of the workflow definition format.",
        "$ref" => message,
        _ => message.EndsWith('.') ? message : message + ".",
    };

    private static string LoadText()
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream("workflow-definition.schema.json")
            ?? throw new InvalidOperationException("The workflow definition schema is not embedded in the engine assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
