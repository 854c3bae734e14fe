using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Api.Instances;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Bookmarks;

/// <summary>Resuming the bookmarks instances wait on.</summary>
public static class BookmarkEndpoints
{
    public static RouteGroupBuilder MapBookmarkEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost("/{bookmarkId}/resume", ResumeAsync)
            .WithName("ResumeBookmark")
            .WithSummary("Resumes a waiting instance at a bookmark")
            .WithDescription("Body `{ \"input\": ... }` (optional). A bookmark is consumed once: a second resume is 409 unless it repeats the same `Idempotency-Key`, which returns the first result again. 404 when the bookmark never existed.")
            .AcceptsJson<ResumeBookmarkRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType);

        return group;
    }

    private static async Task<Ok<WorkflowRunResponse>> ResumeAsync(HttpContext context, JsonRequestReader body, WorkflowRuntime runtime, string bookmarkId, CancellationToken cancellationToken)
    {
        var key = IdempotencyKeys.Read(context.Request);
        var request = await body.ReadAsync<ResumeBookmarkRequest>(context.Request, allowEmpty: true, cancellationToken);
        using var activity = EscalationFlowsTelemetry.StartOperation("resume");
        activity?.SetTag("escalationflows.bookmark_id", bookmarkId);

        // Keys are scoped to the bookmark, so a key reused for another bookmark never returns someone else's result.
        var run = await runtime.ResumeAsync(bookmarkId, request.Input, key is null ? null : $"{bookmarkId}:{key}", cancellationToken);
        EscalationFlowsTelemetry.Record(activity, "resume", run);
        InstanceEndpoints.MarkReplay(context, run);
        return TypedResults.Ok(WorkflowRunResponse.From(run));
    }
}
