using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Server.Http;

/// <summary>
/// One problem with a request: a JSON pointer into the body (RFC 6901; empty for the whole document) or the name of
/// a query parameter or header, a stable code, and a plain sentence.
/// </summary>
public sealed record ApiError
{
    public string Pointer { get; init; } = string.Empty;

    /// <summary>The query parameter, route value or header the error is about, when it is not in the body.</summary>
    public string? Parameter { get; init; }

    public required string Code { get; init; }

    public required string Message { get; init; }

    public static ApiError From(DefinitionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new ApiError { Pointer = error.Pointer, Code = error.Code, Message = error.Message };
    }

    public static ApiError ForParameter(string parameter, string code, string message) =>
        new() { Parameter = parameter, Code = code, Message = message };

    public static ApiError At(string pointer, string code, string message) =>
        new() { Pointer = pointer, Code = code, Message = message };
}
