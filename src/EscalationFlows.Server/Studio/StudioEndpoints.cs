using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Studio;

/// <summary>
/// Serves the single-page studio: every GET that no endpoint or static file matched (definition ids may contain dots) gets
/// wwwroot/index.html (or a built-in placeholder page when the studio was not built). API paths never get HTML.
/// </summary>
public static class StudioEndpoints
{
    public static RouteGroupBuilder MapStudioEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapFallback($"{{*path:{StudioPathConstraint.Name}}}", Serve)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("Studio");
        return group;
    }

    private static IResult Serve(HttpContext context, IWebHostEnvironment environment)
    {
        if (StudioPathConstraint.IsServerPath(context.Request.Path))
        {
            // The route constraint already keeps server paths out; this guards against a future route change.
            throw new ApiRequestException(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, $"Nothing was found at {context.Request.Path}.");
        }

        context.Response.Headers.CacheControl = "no-cache";
        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        return index.Exists && !index.IsDirectory
            ? Results.Stream(index.CreateReadStream(), "text/html; charset=utf-8")
            : Results.Content(StudioPlaceholder.Html, "text/html; charset=utf-8");
    }
}
