namespace EscalationFlows.Server.Http;

/// <summary>A request the API refuses; written as RFC 9457 problem details by <see cref="ApiExceptionHandler"/>.</summary>
public sealed class ApiRequestException : Exception
{
    public ApiRequestException(int status, string code, string message, IReadOnlyList<ApiError>? errors = null)
        : base(message)
    {
        Status = status;
        Code = code;
        Errors = errors ?? [];
    }

    public ApiRequestException()
        : this(StatusCodes.Status400BadRequest, ApiErrorCodes.BadRequest, "The request is not valid.")
    {
    }

    public ApiRequestException(string message)
        : this(StatusCodes.Status400BadRequest, ApiErrorCodes.BadRequest, message)
    {
    }

    public ApiRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Code = ApiErrorCodes.BadRequest;
        Errors = [];
    }

    public int Status { get; }

    public string Code { get; }

    public IReadOnlyList<ApiError> Errors { get; }

    public static ApiRequestException BadParameter(string parameter, string message) =>
        new(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidParameter, message, [ApiError.ForParameter(parameter, ApiErrorCodes.InvalidParameter, message)]);
}
