using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Api;

/// <summary>Declares the problem-details responses of an endpoint in the OpenAPI document.</summary>
public static class ApiProblemMetadata
{
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
