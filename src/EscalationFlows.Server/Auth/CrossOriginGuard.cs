using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// CSRF protection for the cookie-authenticated JSON API. The session cookie is <c>SameSite=Strict</c>, and on top of
/// that every state-changing request (POST, PUT, PATCH, DELETE) under /api that a browser marks as coming from another
/// site is refused with 403 <c>cross-origin-request</c>: an <c>Origin</c> header that is neither the server's own origin
/// nor in <c>Auth:AllowedOrigins</c>, or, without Origin, <c>Sec-Fetch-Site: cross-site|same-site</c>. Requests without
/// these headers (curl, server-to-server with an API key) are not browser requests and pass. The server sends no CORS
/// headers, so other origins cannot read answers either.
/// </summary>
public sealed class CrossOriginGuard
{
    private readonly RequestDelegate _next;
    private readonly HashSet<string> _allowed;

    public CrossOriginGuard(RequestDelegate next, IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _next = next;
        _allowed = new HashSet<string>(options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);
    }

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (IsUnsafe(request.Method) && request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && IsCrossSite(request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Detail = "The request comes from another site's page; state-changing API calls are accepted from the studio's own origin only (Auth:AllowedOrigins adds others).",
            };
            problem.Extensions["code"] = ApiErrorCodes.CrossOriginRequest;
            await ProblemResponses.WriteAsync(problems, context, problem);
            return;
        }

        await _next(context);
    }

    private bool IsCrossSite(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (!string.IsNullOrEmpty(origin))
        {
            var own = $"{request.Scheme}://{request.Host}";
            return !string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) && !_allowed.Contains(origin);
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
}
