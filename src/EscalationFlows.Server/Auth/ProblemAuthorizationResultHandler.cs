using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;

namespace EscalationFlows.Server.Auth;

/// <summary>
/// Answers a refused request with problem details instead of an empty body or a redirect: 401 <c>unauthorized</c> when
/// the caller is not authenticated (after the scheme's challenge, e.g. WWW-Authenticate for bearer tokens), 403
/// <c>forbidden</c> naming the permission when the caller's roles do not grant it.
/// </summary>
public sealed partial class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<ProblemAuthorizationResultHandler> _logger;

    public ProblemAuthorizationResultHandler(IProblemDetailsService problems, ILogger<ProblemAuthorizationResultHandler> logger)
    {
        _problems = problems;
        _logger = logger;
    }

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(next);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Challenged)
        {
            // The scheme's result is cached for the request, so this does not authenticate twice; it only recovers why it failed.
            var failure = Describe((await context.AuthenticateAsync()).Failure);
            await context.ChallengeAsync();
            LogRefused(_logger, 401, context.Request.Method, context.Request.Path, failure ?? "no credentials");
            await WriteAsync(context, StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized,
                failure ?? "Sign in first (POST /api/auth/login), or send an API key in the X-Api-Key header or a bearer token.");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var permission = context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var user = context.User.Identity?.IsAuthenticated == true ? CurrentUser.From(context.User) : null;
            LogRefused(_logger, 403, context.Request.Method, context.Request.Path, $"{user?.Id} lacks {permission}");
            await WriteAsync(context, StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden,
                permission is null ? "Your roles do not allow this." : $"Your roles do not allow this: it needs the permission '{permission}'.");
            return;
        }

        await next(context);
    }

    /// <summary>The API key scheme's own sentence; a token library's exception text (internals) never reaches the client.</summary>
    private static string? Describe(Exception? failure) => failure switch
    {
        null => null,
        AuthenticationFailureException own => own.Message,
        _ => "The bearer token is not valid: check its signature, issuer, audience and expiry.",
    };

    private async Task WriteAsync(HttpContext context, int status, string code, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        await ProblemResponses.WriteAsync(_problems, context, problem);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Status} {Method} {Path}: {Reason}")]
    private static partial void LogRefused(ILogger logger, int status, string method, string path, string reason);
}
