using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Studio;

/// <summary>
/// Serves the single-page studio: every GET of a path without a file extension that no endpoint matched gets
/// wwwroot/index.html (or a built-in placeholder page when the studio was not built). API paths never get HTML.
/// </summary>
public static class StudioEndpoints
{
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/openapi", "/scalar"];

    public static RouteGroupBuilder MapStudioEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapFallback(ServeAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("Studio");
        return group;
    }

    private static IResult ServeAsync(HttpContext context, IWebHostEnvironment environment)
    {
        var path = context.Request.Path;
        if (ServerPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ApiRequestException(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, $"Nothing was found at {path}.");
        }

        context.Response.Headers.CacheControl = "no-cache";
        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        return index.Exists && !index.IsDirectory
            ? Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Content(StudioPlaceholder.Html, "text/html; charset=utf-8");
    }
}
