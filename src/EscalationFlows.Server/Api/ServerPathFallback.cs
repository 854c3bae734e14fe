using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Mvc;

namespace EscalationFlows.Server.Api;

/// <summary>
/// Answers a server path (under /api or /health) that no endpoint took, as problem details and never the studio page:
/// 405 with an Allow header when the path exists for other methods only, else 404.
/// </summary>
public static class ServerPathFallback
{
    public static RouteGroupBuilder MapServerPathFallback(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapFallback("{**rest}", HandleAsync).WithDisplayName($"Server path fallback");
        return group;
    }

    private static async Task HandleAsync(HttpContext context, AllowedMethodsIndex index, IProblemDetailsService problems)
    {
        var allowed = index.Find(context.Request.Path);
        var path = context.Request.Path;

        // Allowed for this very method means the path has the right shape but a route value failed its constraint.
        var problem = allowed.Count == 0 || allowed.Contains(context.Request.Method, StringComparer.OrdinalIgnoreCase)
            ? new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Nothing was found at {path}." }
            : new ProblemDetails { Status = StatusCodes.Status405MethodNotAllowed, Detail = $"{context.Request.Method} is not allowed on {path}; use {string.Join(" or ", allowed)}." };
        problem.Extensions["code"] = problem.Status == StatusCodes.Status404NotFound ? ApiErrorCodes.NotFound : ApiErrorCodes.MethodNotAllowed;
        if (problem.Status == StatusCodes.Status405MethodNotAllowed)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
        }

        context.Response.StatusCode = problem.Status!.Value;
        await ProblemResponses.WriteAsync(problems, context, problem);
    }
}
