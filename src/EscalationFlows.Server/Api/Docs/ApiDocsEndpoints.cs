using Scalar.AspNetCore;

namespace EscalationFlows.Server.Api.Docs;

/// <summary>The OpenAPI document (/openapi/v1.json) and its browsable reference (/scalar).</summary>
public static class ApiDocsEndpoints
{
    public const string DocumentPath = "/openapi/v1.json";

    public static RouteGroupBuilder MapApiDocsEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapOpenApi();
        group.MapScalarApiReference(options => options.WithTitle("EscalationFlows API"));
        return group;
    }
}
