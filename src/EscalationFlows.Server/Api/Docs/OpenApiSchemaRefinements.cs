using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Server.Api.ApiKeys;
using EscalationFlows.Server.Api.Auth;
using EscalationFlows.Server.Api.Definitions;
using EscalationFlows.Server.Api.Live;
using EscalationFlows.Server.Api.Tasks;
using EscalationFlows.Server.Api.Users;
using EscalationFlows.Server.Auth;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EscalationFlows.Server.Api.Docs;

/// <summary>
/// Says in the OpenAPI document what the CLR types cannot: closed sets of strings (expression and value types, statuses,
/// roles) in <see cref="TransformAsync"/>; the definition document inside a version response, and the shape of connection bend points in <see cref="TransformDocumentAsync"/>. The studio
/// generates its TypeScript types from the document (designer/openapi/v1.json), so these become exact types there.
/// </summary>
public static class OpenApiSchemaRefinements
{
    public static readonly string[] ExpressionTypes = [ExpressionType.Literal, ExpressionType.JavaScript, ExpressionType.Template, ExpressionType.Variable, ExpressionType.Input];

    /// <summary>The value types of workflows/schema/workflow-definition.schema.json (<c>$defs/valueType</c>).</summary>
    public static readonly string[] ValueTypes = ["string", "number", "integer", "boolean", "object", "array", "datetime", "duration", "any"];

    public static readonly string[] VersionStatuses = ["draft", "published", "retracted"];

    public static readonly string[] TaskStatuses = [HumanTaskStatuses.Open, HumanTaskStatuses.Completed, HumanTaskStatuses.Cancelled];

    public static readonly string[] LiveTypes = ["ready", "ping", Server.Live.LiveChange.InstanceType, Server.Live.LiveChange.TaskType, Server.Live.LiveChange.EscalationType];

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        // Called for each schema, also where a type first appears as a property of another (its component is made there).
        var type = context.JsonTypeInfo.Type;
        if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Object && IsResponseShape(type))
        {
            RequireAlwaysPresent(schema, context.JsonTypeInfo);
        }

        if (type == typeof(ExpressionDefinition))
        {
            Enumerate(schema, "type", ExpressionTypes);
        }
        else if (type == typeof(InputDescriptor))
        {
            Enumerate(schema, "defaultExpressionType", ExpressionTypes);
            Enumerate(schema, "type", ValueTypes);
        }
        else if (type == typeof(OutputDescriptor) || type == typeof(WorkflowInputDefinition) || type == typeof(WorkflowOutputDefinition) || type == typeof(VariableDefinition))
        {
            Enumerate(schema, "type", ValueTypes);
        }
        else if (type == typeof(DefinitionVersionResponse))
        {
            Enumerate(schema, "status", VersionStatuses);
        }
        else if (type == typeof(DefinitionVersionSummary))
        {
            Enumerate(schema, "status", VersionStatuses);
        }
        else if (typeof(TaskSummaryResponse).IsAssignableFrom(type))
        {
            Enumerate(schema, "status", TaskStatuses);
        }
        else if (type == typeof(CurrentUserResponse) || type == typeof(UserResponse) || type == typeof(ApiKeyResponse))
        {
            EnumerateItems(schema, "roles", Roles.All);
        }
        else if (type == typeof(LiveChangeMessage))
        {
            Enumerate(schema, "type", LiveTypes);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Shapes the schemas cannot get from their CLR types (run on the finished document): a version's <c>definition</c>
    /// is a workflow definition, and a connection's <c>vertices</c> are points.
    /// </summary>
    public static Task TransformDocumentAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        if (schemas.TryGetValue(nameof(DefinitionVersionResponse), out var version) && version is OpenApiSchema { Properties: { } versionProperties }
            && schemas.ContainsKey(nameof(WorkflowDefinition)))
        {
            versionProperties["definition"] = new OpenApiSchemaReference(nameof(WorkflowDefinition), document);
        }

        if (schemas.TryGetValue(nameof(Connection), out var connection) && connection is OpenApiSchema { Properties: { } connectionProperties })
        {
            connectionProperties["vertices"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Bend points drawn by the designer.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string>(StringComparer.Ordinal) { "x", "y" },
                    Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                    {
                        ["x"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                        ["y"] = new OpenApiSchema { Type = JsonSchemaType.Number },
                    },
                },
            };
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Answers leave out null members only (<c>WhenWritingNull</c>), so in a type that only ever travels in answers every
    /// member that cannot be null is always there: required. Request bodies (<c>*Request</c>) and the workflow definition
    /// document (which clients write, with defaults) keep their optional members.
    /// </summary>
    private static bool IsResponseShape(Type type) =>
        !type.Name.EndsWith("Request", StringComparison.Ordinal) && type.Namespace != typeof(WorkflowDefinition).Namespace && type.Namespace?.StartsWith("EscalationFlows.", StringComparison.Ordinal) == true;

    private static void RequireAlwaysPresent(OpenApiSchema schema, JsonTypeInfo typeInfo)
    {
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.Get is not null && !property.IsGetNullable && !(Nullable.GetUnderlyingType(property.PropertyType) is not null) && properties.ContainsKey(property.Name))
            {
                schema.Required ??= new HashSet<string>(StringComparer.Ordinal);
                schema.Required.Add(property.Name);
            }
        }
    }

    private static void Enumerate(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema target)
        {
            target.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }

    private static void EnumerateItems(OpenApiSchema schema, string property, IEnumerable<string> values)
    {
        if (schema.Properties?.TryGetValue(property, out var found) == true && found is OpenApiSchema { Items: OpenApiSchema items })
        {
            items.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
    }
}
