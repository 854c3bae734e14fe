using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Api.Instances;
using EscalationFlows.Server.Auth;
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
            .RequireAuthorization(Permissions.BookmarksResume)
            .WithName("ResumeBookmark")
            .WithSummary("Resumes a waiting instance at a bookmark")
            .WithDescription("Body `{ \"input\": ... }` (optional). A bookmark is consumed once: a second resume is 409 unless it repeats the same `Idempotency-Key`, which returns the first result again. 404 when the bookmark never existed. 403 `bookmark-internal` for bookmarks only the engine or a dedicated API resumes (child workflow, timer, retry, human task, client confirmation).")
            .AcceptsJson<ResumeBookmarkRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType);

        return group;
    }

    /// <summary>
    /// Bookmarks only the engine or a dedicated API resumes: a child's result, a timer, a retry, a human task (completed
    /// through the task API, which checks the form and who completes it) and a client confirmation (answered through its
    /// signed link). Resuming them here would forge a result or skip a form.
    /// </summary>
    public static readonly IReadOnlySet<string> InternalKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        BookmarkKinds.ChildWorkflow,
        BookmarkKinds.Timer,
        BookmarkKinds.Retry,
        BookmarkKinds.HumanTask,
        BookmarkKinds.ClientConfirmation,
    };

    private static async Task<Ok<WorkflowRunResponse>> ResumeAsync(HttpContext context, JsonRequestReader body, WorkflowRuntime runtime, string bookmarkId, CancellationToken cancellationToken)
    {
        var key = IdempotencyKeys.Read(context.Request);
        if (await runtime.Store.GetBookmarkAsync(bookmarkId, cancellationToken) is { } stored && (InternalKinds.Contains(stored.Bookmark.Kind) || stored.Bookmark.DueAt is not null))
        {
            throw new ApiRequestException(StatusCodes.Status403Forbidden, ApiErrorCodes.BookmarkInternal, stored.Bookmark.Kind == BookmarkKinds.HumanTask
                ? $"Bookmark '{bookmarkId}' is a human task; complete it with POST /api/tasks/{bookmarkId}/complete."
                : $"Bookmark '{bookmarkId}' ({stored.Bookmark.Kind}) is resumed by the engine only, never through this endpoint.");
        }

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
