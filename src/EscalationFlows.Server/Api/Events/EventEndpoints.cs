using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Api.Instances;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Events;

/// <summary>Named events: resume the instances waiting for them and start the workflows they trigger.</summary>
public static class EventEndpoints
{
    public const int MaxEventNameLength = 200;

    public static RouteGroupBuilder MapEventEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost("/{eventName}", PublishAsync)
            .RequireAuthorization(Permissions.EventsPublish)
            .WithName("PublishEvent")
            .WithSummary("Publishes a named event")
            .WithDescription("Body `{ \"correlationId\": ..., \"payload\": ... }`. Resumes every instance waiting for this event (WaitForEvent with a matching or no correlation id) and starts every published workflow with an EventTrigger for it. An `Idempotency-Key` makes a repeat return the first results.")
            .AcceptsJson<PublishEventRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType,
                StatusCodes.Status422UnprocessableEntity);

        return group;
    }

    private static async Task<Ok<EventDispatchResponse>> PublishAsync(HttpContext context, JsonRequestReader body, WorkflowRuntime runtime, string eventName, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(eventName) || eventName.Length > MaxEventNameLength)
        {
            throw ApiRequestException.BadParameter("eventName", $"The event name must have 1 to {MaxEventNameLength} characters.");
        }

        var key = IdempotencyKeys.Read(context.Request);
        var request = await body.ReadAsync<PublishEventRequest>(context.Request, allowEmpty: true, cancellationToken);
        using var activity = EscalationFlowsTelemetry.StartOperation("event");
        activity?.SetTag("escalationflows.event", eventName);
        var result = await runtime.PublishEventAsync(eventName, request.CorrelationId, request.Payload, key is null ? null : $"event:{eventName}:{key}", cancellationToken);
        foreach (var run in result.Resumed)
        {
            EscalationFlowsTelemetry.Record(null, "resume", run);
        }

        foreach (var run in result.Started)
        {
            EscalationFlowsTelemetry.Record(null, "start", run);
        }

        activity?.SetTag("escalationflows.resumed", result.Resumed.Count);
        activity?.SetTag("escalationflows.started", result.Started.Count);
        return TypedResults.Ok(new EventDispatchResponse([.. result.Resumed.Select(WorkflowRunResponse.From)], [.. result.Started.Select(WorkflowRunResponse.From)]));
    }
}
