using Microsoft.OpenApi;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Api;

/// <summary>Declares request bodies and problem-details responses of an endpoint in the OpenAPI document.</summary>
public static class ApiProblemMetadata
{
    /// <summary>
    /// Documents a JSON request body in the OpenAPI document only. Routing does not filter on the media type (no
    /// accepts metadata), so every request reaches the endpoint, whose reader answers 400 or 415 with a precise problem.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TRequest>(this RouteHandlerBuilder builder, bool required = true)
        where TRequest : notnull
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddOpenApiOperationTransformer(async (operation, context, cancellationToken) =>
        {
            var schema = await context.GetOrCreateSchemaAsync(typeof(TRequest), parameterDescription: null, cancellationToken);
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = required,
                Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["application/json"] = new() { Schema = schema } },
            };
        });
    }

    public static RouteHandlerBuilder ProducesApiProblems(this RouteHandlerBuilder builder, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(statusCodes);
        foreach (var status in statusCodes)
        {
            builder.Produces<ApiProblem>(status, "application/problem+json");
        }

        return builder;
    }
}
