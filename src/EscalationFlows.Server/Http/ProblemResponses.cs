using Microsoft.AspNetCore.Mvc;

namespace EscalationFlows.Server.Http;

/// <summary>Writes problem details, and writes them as JSON even when the client's Accept header asks for something else.</summary>
public static class ProblemResponses
{
    /// <summary>Where the <c>type</c> of statuses that ASP.NET Core has no default link for points.</summary>
    private static readonly Dictionary<int, string> ExtraTypes = new()
    {
        [StatusCodes.Status413PayloadTooLarge] = "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.14",
        [StatusCodes.Status429TooManyRequests] = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
    };

    public static async Task WriteAsync(IProblemDetailsService service, HttpContext httpContext, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(problem);
        if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem }))
        {
            Customize(httpContext, problem);
            await httpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    /// <summary>Fills <c>type</c>, <c>title</c> and <c>instance</c> so every problem has the five RFC 9457 members.</summary>
    public static void Customize(HttpContext httpContext, ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(problem);
        var status = problem.Status ?? httpContext.Response.StatusCode;
        problem.Status ??= status;
        problem.Type ??= ExtraTypes.GetValueOrDefault(status, "about:blank");
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        problem.Instance ??= $"{httpContext.Request.PathBase}{httpContext.Request.Path}";
        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => $"Nothing was found at {problem.Instance}.",
            StatusCodes.Status405MethodNotAllowed => $"{httpContext.Request.Method} is not allowed on {problem.Instance}.",
            StatusCodes.Status415UnsupportedMediaType => $"The body must be JSON (Content-Type: application/json), not '{httpContext.Request.ContentType}'.",
            _ => problem.Title,
        };
        if (!problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = status switch
            {
                StatusCodes.Status401Unauthorized => ApiErrorCodes.Unauthorized,
                StatusCodes.Status403Forbidden => ApiErrorCodes.Forbidden,
                StatusCodes.Status404NotFound => ApiErrorCodes.NotFound,
                StatusCodes.Status405MethodNotAllowed => ApiErrorCodes.MethodNotAllowed,
                StatusCodes.Status413PayloadTooLarge => ApiErrorCodes.BodyTooLarge,
                StatusCodes.Status415UnsupportedMediaType => ApiErrorCodes.UnsupportedMediaType,
                >= 500 => ApiErrorCodes.InternalError,
                _ => ApiErrorCodes.BadRequest,
            };
        }

        problem.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.Id ?? httpContext.TraceIdentifier);
    }
}
