using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace EscalationFlows.Server.Api.Instances;

/// <summary>Workflow instances: start, list, inspect, journal, cancel and retry.</summary>
public static class InstanceEndpoints
{
    public const int DefaultPageSize = 20;
    public const int DefaultJournalMax = 100;
    public const int MaxJournalMax = 1000;

    public static RouteGroupBuilder MapInstanceEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost(string.Empty, StartAsync)
            .RequireAuthorization(Permissions.InstancesStart)
            .WithName("StartWorkflowInstance")
            .WithSummary("Starts an instance")
            .WithDescription("Runs the published version (or `version`) until it waits, ends or faults. With an `Idempotency-Key` header a repeat returns the first result (header `Idempotent-Replayed: true`).")
            .AcceptsJson<StartInstanceRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.InstancesRead)
            .WithName("ListWorkflowInstances")
            .WithSummary("Lists instances, newest first")
            .WithDescription($"Filters: `definitionId`, `status` (Running, Suspended, Finished, Cancelled, Faulted), `correlationId`. `page` starts at 1; `pageSize` defaults to {DefaultPageSize} (at most {PageRequest.MaxPageSize}).")
            .ProducesApiProblems(StatusCodes.Status400BadRequest);

        group.MapGet("/{id}", GetAsync)
            .RequireAuthorization(Permissions.InstancesRead)
            .WithName("GetWorkflowInstance")
            .WithSummary("Gets the state of an instance")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        group.MapGet("/{id}/journal", JournalAsync)
            .RequireAuthorization(Permissions.InstancesRead)
            .WithName("GetWorkflowInstanceJournal")
            .WithSummary("Reads the journal of an instance")
            .WithDescription($"Entries with a sequence greater than `after` (default 0), at most `max` (default {DefaultJournalMax}, at most {MaxJournalMax}).")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

        group.MapPost("/{id}/cancel", CancelAsync)
            .RequireAuthorization(Permissions.InstancesOperate)
            .WithName("CancelWorkflowInstance")
            .WithSummary("Cancels an instance")
            .WithDescription("Optional body `{ \"reason\": \"...\" }`. 409 when the instance already ended.")
            .AcceptsJson<CancelInstanceRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapPost("/{id}/retry", RetryAsync)
            .RequireAuthorization(Permissions.InstancesOperate)
            .WithName("RetryWorkflowInstance")
            .WithSummary("Retries the failed step of a faulted instance")
            .WithDescription("409 when the instance is not faulted.")
            .ProducesApiProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return group;
    }

    private static async Task<Created<WorkflowRunResponse>> StartAsync(HttpContext context, JsonRequestReader body, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var key = IdempotencyKeys.Read(context.Request);
        var request = await body.ReadAsync<StartInstanceRequest>(context.Request, allowEmpty: false, cancellationToken);
        var errors = new List<ApiError>();
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            errors.Add(ApiError.At("/definitionId", ApiErrorCodes.Required, "Name the workflow to start in 'definitionId'."));
        }

        if (request.Version is < 1)
        {
            errors.Add(ApiError.At("/version", ApiErrorCodes.InvalidValue, "The version must be 1 or more; leave it out to start the published version."));
        }

        if (request.Input is not null and not JsonObject)
        {
            errors.Add(ApiError.At("/input", ApiErrorCodes.InvalidType, "The input must be a JSON object whose properties are the workflow's inputs."));
        }

        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, errors[0].Code, "The request body is not valid; see errors.", errors);
        }

        using var activity = EscalationFlowsTelemetry.StartOperation("start", request.DefinitionId);
        var run = await runtime.StartAsync(new StartWorkflowRequest
        {
            DefinitionId = request.DefinitionId!,
            Version = request.Version,
            Input = (JsonObject?)request.Input,
            CorrelationId = request.CorrelationId,
            IdempotencyKey = key is null ? null : $"{request.DefinitionId}:{key}",
        }, cancellationToken);
        EscalationFlowsTelemetry.Record(activity, "start", run);
        MarkReplay(context, run);
        return TypedResults.Created($"/api/workflow-instances/{Uri.EscapeDataString(run.InstanceId)}", WorkflowRunResponse.From(run));
    }

    private static async Task<Ok<InstancePage>> ListAsync([FromServices] IWorkflowInstanceQuery query, string? definitionId, string? status, string? correlationId, int? page, int? pageSize,
        CancellationToken cancellationToken)
    {
        WorkflowStatus? parsedStatus = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            parsedStatus = Enum.TryParse<WorkflowStatus>(status, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(status.Trim()[0])
                ? value
                : throw ApiRequestException.BadParameter("status", $"'{status}' is not a status; use one of {string.Join(", ", Enum.GetNames<WorkflowStatus>())}.");
        }

        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1)
        {
            throw ApiRequestException.BadParameter("page", "The page starts at 1.");
        }

        if (size is < 1 or > PageRequest.MaxPageSize)
        {
            throw ApiRequestException.BadParameter("pageSize", $"The page size must be between 1 and {PageRequest.MaxPageSize}.");
        }

        var filter = new InstanceFilter
        {
            DefinitionId = string.IsNullOrWhiteSpace(definitionId) ? null : definitionId,
            Status = parsedStatus,
            CorrelationId = string.IsNullOrEmpty(correlationId) ? null : correlationId,
        };
        return TypedResults.Ok(await query.ListAsync(filter, new PageRequest(number, size), cancellationToken));
    }

    private static async Task<Ok<InstanceDetailsResponse>> GetAsync(IWorkflowStore store, string id, CancellationToken cancellationToken)
    {
        var stored = await RequireAsync(store, id, cancellationToken);
        return TypedResults.Ok(InstanceDetailsResponse.From(stored));
    }

    private static async Task<Ok<JournalResponse>> JournalAsync(IWorkflowStore store, string id, long? after, int? max, CancellationToken cancellationToken)
    {
        var from = after ?? 0;
        var count = max ?? DefaultJournalMax;
        if (from < 0)
        {
            throw ApiRequestException.BadParameter("after", "'after' is a journal sequence number, 0 or more.");
        }

        if (count is < 1 or > MaxJournalMax)
        {
            throw ApiRequestException.BadParameter("max", $"'max' must be between 1 and {MaxJournalMax}.");
        }

        await RequireAsync(store, id, cancellationToken);
        var entries = await store.GetJournalAsync(id, from, count, cancellationToken);
        return TypedResults.Ok(new JournalResponse(id, entries, entries.Count == 0 ? from : entries[^1].Sequence));
    }

    private static async Task<Ok<WorkflowRunResponse>> CancelAsync(HttpRequest request, JsonRequestReader body, WorkflowRuntime runtime, string id, CancellationToken cancellationToken)
    {
        var cancel = await body.ReadAsync<CancelInstanceRequest>(request, allowEmpty: true, cancellationToken);
        using var activity = EscalationFlowsTelemetry.StartOperation("cancel", instanceId: id);
        var run = await runtime.CancelAsync(id, cancel.Reason, cancellationToken);
        EscalationFlowsTelemetry.Record(activity, "cancel", run);
        return TypedResults.Ok(WorkflowRunResponse.From(run));
    }

    private static async Task<Ok<WorkflowRunResponse>> RetryAsync(IWorkflowStore store, WorkflowRuntime runtime, string id, CancellationToken cancellationToken)
    {
        var stored = await RequireAsync(store, id, cancellationToken);
        if (stored.State.Status != WorkflowStatus.Faulted)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.InstanceNotFaulted,
                $"Instance '{id}' is {stored.State.Status}; only a faulted instance can be retried.");
        }

        using var activity = EscalationFlowsTelemetry.StartOperation("retry", stored.State.DefinitionId, id);
        var run = await runtime.RetryAsync(id, cancellationToken);
        EscalationFlowsTelemetry.Record(activity, "retry", run);
        return TypedResults.Ok(WorkflowRunResponse.From(run));
    }

    private static async Task<StoredInstance> RequireAsync(IWorkflowStore store, string id, CancellationToken cancellationToken) =>
        await store.GetInstanceAsync(id, cancellationToken) ?? throw new WorkflowNotFoundException($"There is no workflow instance '{id}'.");

    /// <summary>Sets the replay header when the result is the stored first result of an Idempotency-Key.</summary>
    public static void MarkReplay(HttpContext context, WorkflowRunResult run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        if (run.Replayed)
        {
            context.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        }
    }
}
