using System.Text.Json;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace EscalationFlows.Server.Http;

/// <summary>
/// Turns every exception into RFC 9457 problem details: engine exceptions by meaning (404, 409, 422), request
/// errors by their status, anything else as a 500 without internals. A stack trace never reaches the client.
/// </summary>
public sealed partial class ApiExceptionHandler : IExceptionHandler
{
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<ApiExceptionHandler> _logger;

    public ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger)
    {
        _problems = problems;
        _logger = logger;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            return true; // The client went away; nobody is listening for an answer.
        }

        if (exception is BadHttpRequestException bad && BindingFailures.TryDescribe(bad) is { } binding)
        {
            exception = binding;
        }

        var (status, code, detail, errors) = Describe(exception);
        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(_logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        var problem = new ProblemDetails { Status = status, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors;
        }

        httpContext.Response.StatusCode = status;
        await ProblemResponses.WriteAsync(_problems, httpContext, problem);
        return true;
    }

    private static (int Status, string Code, string Detail, IReadOnlyList<ApiError> Errors) Describe(Exception exception) => exception switch
    {
        ApiRequestException api => (api.Status, api.Code, api.Message, api.Errors),
        BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? ApiErrorCodes.BodyTooLarge : ApiErrorCodes.BadRequest, bad.Message, []),
        WorkflowNotFoundException notFound => (StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, notFound.Message, []),
        BookmarkConflictException conflict => (StatusCodes.Status409Conflict, ApiErrorCodes.BookmarkConflict, conflict.Message, []),
        InstanceStateException state => (StatusCodes.Status409Conflict, ApiErrorCodes.BookmarkConflict, state.Message, []),
        DefinitionConflictException conflict => (StatusCodes.Status409Conflict, ApiErrorCodes.DefinitionConflict, conflict.Message, []),
        ConcurrencyConflictException conflict => (StatusCodes.Status409Conflict, ApiErrorCodes.ConcurrencyConflict, conflict.Message, []),
        Persistence.HumanTasks.HumanTaskConflictException task => (StatusCodes.Status409Conflict, task.Code, task.Message, []),
        global::EscalationFlows.Escalations.Records.Effects.EscalationApplyException escalation => (StatusCodes.Status409Conflict, ApiErrorCodes.EscalationConflict, escalation.Message, []),
        Persistence.Identity.IdentityConflictException identity => (StatusCodes.Status409Conflict, ApiErrorCodes.Conflict, identity.Message, []),
        DefinitionValidationException invalid => (StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.DefinitionInvalid,
            "The workflow definition is invalid; see errors for every problem found.", [.. invalid.Errors.Select(ApiError.From)]),
        WorkflowInputException input => (StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.InputInvalid,
            "The input does not match the workflow's declared inputs; see errors.",
            [.. input.Errors.Select(e => ApiError.At(e.Pointer, ApiErrorCodes.InvalidInput, e.Message))]),
        JsonException json => (StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidJson, JsonRequestReader.Explain(json), []),
        _ => (StatusCodes.Status500InternalServerError, ApiErrorCodes.InternalError,
            "An unexpected error occurred. It was logged with this response's trace id.", []),
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
