namespace EscalationFlows.Server.Http;

/// <summary>Reads the <c>Idempotency-Key</c> header: 1–200 visible ASCII characters, or absent.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set to <c>true</c> on a response that repeats the stored first result of a key.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 200;

    public static string? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxLength } key || key.Any(c => c is < '!' or > '~'))
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidParameter,
                $"The {Header} header must be one value of 1 to {MaxLength} visible ASCII characters.",
                [ApiError.ForParameter(Header, ApiErrorCodes.InvalidParameter, $"Use 1 to {MaxLength} visible ASCII characters, such as a UUID.")]);
        }

        return key;
    }
}
