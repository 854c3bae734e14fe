namespace EscalationFlows.Server.Http;

/// <summary>
/// The shape of every error response (RFC 9457, <c>application/problem+json</c>), for the OpenAPI document.
/// At runtime the fields are written by the problem details service with <c>code</c>, <c>errors</c> and <c>traceId</c> as extensions.
/// </summary>
public sealed record ApiProblem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public string? Instance { get; init; }

    /// <summary>A stable machine-readable reason, e.g. <c>definition-invalid</c>, <c>not-found</c>, <c>bookmark-conflict</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Every individual problem found, each with its JSON pointer or parameter.</summary>
    public IReadOnlyList<ApiError>? Errors { get; init; }

    public string? TraceId { get; init; }
}
