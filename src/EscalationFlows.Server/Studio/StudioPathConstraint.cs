namespace EscalationFlows.Server.Studio;

/// <summary>
/// Keeps the studio fallback off server paths (/api, /health, /openapi, /scalar): an unknown server path is then a
/// plain 404 for every method, and a known one with the wrong method a 405, both as problem details.
/// </summary>
public sealed class StudioPathConstraint : IRouteConstraint
{
    public const string Name = "studio";

    private const string AssetsSegment = "assets";

    private static readonly string[] ServerSegments = ["api", "health", "openapi", "scalar"];

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(routeKey, out var raw) || raw?.ToString() is not { Length: > 0 } path)
        {
            return true;
        }

        var first = path.TrimStart('/').Split('/', 2)[0];

        // Built assets are served by the static files middleware; a missing one is a 404, not the studio page.
        return !ServerSegments.Contains(first, StringComparer.OrdinalIgnoreCase) && !first.Equals(AssetsSegment, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether a request path belongs to the server rather than the studio.</summary>
    public static bool IsServerPath(PathString path) =>
        ServerSegments.Any(segment => path.StartsWithSegments($"/{segment}", StringComparison.OrdinalIgnoreCase));
}
