using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Validation;

/// <summary>Reads definition JSON in three stages: parse (with limits), schema, semantics. Every definition goes through it.</summary>
public sealed class WorkflowDefinitionReader
{
    private readonly DefinitionValidator _validator;

    public WorkflowDefinitionReader(DefinitionValidator validator)
    {
        _validator = validator;
    }

    public DefinitionReadResult Read(string json)
    {
        JsonNode? document;
        try
        {
            document = WorkflowJson.ParseNode(json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : string.Empty;
            // "The maximum configured depth of 64 has been exceeded" (not "Expected depth to be zero", which is truncated input).
            var reason = ex.Message.Contains("maximum configured depth", StringComparison.OrdinalIgnoreCase)
                ? $"The document is nested deeper than {WorkflowJson.MaxDepth} levels"
                : "The document is not valid JSON";
            return new DefinitionReadResult(null, null, [new DefinitionError(string.Empty, DefinitionErrorCodes.InvalidJson, $"{reason}{where}.")]);
        }

        return Read(document);
    }

    public DefinitionReadResult Read(JsonNode? document)
    {
        if (document is not JsonObject)
        {
            return new DefinitionReadResult(null, document, [new DefinitionError(string.Empty, DefinitionErrorCodes.Schema, "A workflow definition must be a JSON object.")]);
        }

        var schemaErrors = DefinitionSchema.Instance.Validate(document);
        if (schemaErrors.Count > 0)
        {
            return new DefinitionReadResult(null, document, schemaErrors);
        }

        WorkflowDefinition? definition;
        try
        {
            definition = WorkflowJson.Deserialize<WorkflowDefinition>(document);
        }
        catch (JsonException ex)
        {
            return new DefinitionReadResult(null, document, [new DefinitionError(ex.Path is { } p ? ToPointer(p) : string.Empty, DefinitionErrorCodes.Schema, ex.Message)]);
        }

        if (definition is null)
        {
            return new DefinitionReadResult(null, document, [new DefinitionError(string.Empty, DefinitionErrorCodes.Schema, "The document is empty.")]);
        }

        var errors = _validator.Validate(definition);
        return new DefinitionReadResult(errors.Count == 0 ? definition : null, document, errors);
    }

    /// <summary>Reads and validates, throwing <see cref="DefinitionValidationException"/> with every error.</summary>
    public WorkflowDefinition ReadValid(string json)
    {
        var result = Read(json);
        return result.IsValid ? result.Definition! : throw new DefinitionValidationException(result.Errors);
    }

    private static string ToPointer(string jsonPath) =>
        jsonPath.TrimStart('$').Replace("['", "/", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal)
            .Replace("[", "/", StringComparison.Ordinal).Replace("]", string.Empty, StringComparison.Ordinal).Replace(".", "/", StringComparison.Ordinal);
}
