using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Tasks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Tasks;

/// <summary>The task inbox: list, read, claim, release, reassign, complete, and (managers) issue a client link. Rules in docs/roles.md.</summary>
public static class TaskEndpoints
{
    public const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("ListTasks")
            .WithSummary("Lists tasks (the inbox)")
            .WithDescription("Without `assignee` and `team`: tasks assigned to you plus unassigned tasks of your teams and roles. `assignee` = `me`, `any` (all tasks; " +
                "roles that read every task) or a user id; `team` = `mine` (unassigned tasks of your teams and roles) or a team name. `status` = `open` (default), " +
                "`completed`, `cancelled` or `all`; `sort` = `due` (default), `priority` or `created`; `page`, `pageSize` (default 50).")
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapGet("/{id}", GetAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("GetTask")
            .WithSummary("Gets a task with its form and history")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        group.MapPost("/{id}/claim", ClaimAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("ClaimTask")
            .WithSummary("Assigns an unassigned task to yourself")
            .WithDescription("For members of the task's team, holders of its role, and managers. 409 when someone else has it.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapPost("/{id}/release", ReleaseAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("ReleaseTask")
            .WithSummary("Puts a claimed task back in its queue")
            .WithDescription("Optional body `{ reason }`. For the assignee and managers.")
            .AcceptsJson<ReleaseTaskRequest>(required: false)
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        group.MapPost("/{id}/reassign", ReassignAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("ReassignTask")
            .WithSummary("Gives a task to a user or a team")
            .WithDescription("Body `{ userId | team, reason }`. For managers, and for the assignee handing over their own task.")
            .AcceptsJson<ReassignTaskRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict);

        group.MapPost("/{id}/complete", CompleteAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("CompleteTask")
            .WithSummary("Completes a task with an outcome and form data")
            .WithDescription("Body `{ outcome, data }`. For the assignee, a member of the task's team or role while it is unclaimed, and managers. The data is checked " +
                "against the task's form (422 listing each field), the outcome against its outcomes (422); 409 when the task is no longer open. The workflow continues " +
                "on the outcome's port.")
            .AcceptsJson<CompleteTaskRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound,
                StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id}/client-link", IssueClientLinkAsync)
            .RequireAuthorization(Permissions.ClientLinksManage)
            .WithName("IssueTaskClientLink")
            .WithSummary("Issues a new client link for a task")
            .WithDescription("Managers. Returns `{ id, token, url, expiresAt }`; earlier unused links of the task stop working. The client answers with GET and POST /api/client/{token}.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);

        return group;
    }

    private static async Task<Ok<TaskPageResponse>> ListAsync(HttpContext context, TaskService tasks, string? assignee, string? team, string? status, string? sort,
        int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var parsedStatus = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or HumanTaskStatuses.Open => HumanTaskStatuses.Open,
            "all" => null,
            HumanTaskStatuses.Completed => HumanTaskStatuses.Completed,
            HumanTaskStatuses.Cancelled => HumanTaskStatuses.Cancelled,
            _ => throw ApiRequestException.BadParameter("status", $"'{status}' is not a task status; use open, completed, cancelled or all."),
        };
        var parsedSort = sort?.Trim().ToLowerInvariant() switch
        {
            null or "" or "due" => HumanTaskSort.Due,
            "priority" => HumanTaskSort.Priority,
            "created" => HumanTaskSort.Created,
            _ => throw ApiRequestException.BadParameter("sort", $"'{sort}' is not a sort order; use due, priority or created."),
        };
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

        var request = new TaskListRequest
        {
            Assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim(),
            Team = string.IsNullOrWhiteSpace(team) ? null : team.Trim(),
            Status = parsedStatus,
            Sort = parsedSort,
            Page = number,
            PageSize = size,
        };
        var found = await tasks.ListAsync(CurrentUser.From(context.User), request, cancellationToken);
        var now = tasks.Now;
        return TypedResults.Ok(new TaskPageResponse([.. found.Items.Select(t => TaskSummaryResponse.From(t, now))], found.Page, found.PageSize, found.TotalCount));
    }

    private static async Task<Ok<TaskDetailsResponse>> GetAsync(HttpContext context, TaskService tasks, string id, CancellationToken cancellationToken)
    {
        var row = await tasks.GetAsync(CurrentUser.From(context.User), id, cancellationToken);
        return TypedResults.Ok(await DetailsAsync(tasks, row, cancellationToken));
    }

    private static async Task<Ok<TaskDetailsResponse>> ClaimAsync(HttpContext context, TaskService tasks, string id, CancellationToken cancellationToken)
    {
        var row = await tasks.ClaimAsync(CurrentUser.From(context.User), id, cancellationToken);
        return TypedResults.Ok(await DetailsAsync(tasks, row, cancellationToken));
    }

    private static async Task<Ok<TaskDetailsResponse>> ReleaseAsync(HttpContext context, JsonRequestReader body, TaskService tasks, string id, CancellationToken cancellationToken)
    {
        var request = await body.ReadAsync<ReleaseTaskRequest>(context.Request, allowEmpty: true, cancellationToken);
        var row = await tasks.ReleaseAsync(CurrentUser.From(context.User), id, request.Reason, cancellationToken);
        return TypedResults.Ok(await DetailsAsync(tasks, row, cancellationToken));
    }

    private static async Task<Ok<TaskDetailsResponse>> ReassignAsync(HttpContext context, JsonRequestReader body, TaskService tasks, string id, CancellationToken cancellationToken)
    {
        var request = await body.ReadAsync<ReassignTaskRequest>(context.Request, allowEmpty: false, cancellationToken);
        var row = await tasks.ReassignAsync(CurrentUser.From(context.User), id, request.UserId, request.Team, request.Reason, cancellationToken);
        return TypedResults.Ok(await DetailsAsync(tasks, row, cancellationToken));
    }

    private static async Task<Ok<TaskDetailsResponse>> CompleteAsync(HttpContext context, JsonRequestReader body, TaskService tasks, string id, CancellationToken cancellationToken)
    {
        var user = CurrentUser.From(context.User);

        // Who may complete is decided before the body is even read: a caller who may not gets 403, never a form error.
        await tasks.GetAsync(user, id, cancellationToken);
        var request = await body.ReadAsync<CompleteTaskRequest>(context.Request, allowEmpty: false, cancellationToken);
        var row = await tasks.CompleteAsync(user, id, request.Outcome, request.Data, cancellationToken);
        return TypedResults.Ok(await DetailsAsync(tasks, row, cancellationToken));
    }

    private static async Task<Created<ClientLinkResponse>> IssueClientLinkAsync(HttpContext context, TaskService tasks, string id, CancellationToken cancellationToken)
    {
        var (_, link) = await tasks.IssueClientLinkAsync(CurrentUser.From(context.User), id, cancellationToken);
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/client-links/{link.Id}", ClientLinkResponse.From(link));
    }

    private static async Task<TaskDetailsResponse> DetailsAsync(TaskService tasks, HumanTaskRow row, CancellationToken cancellationToken) =>
        TaskDetailsResponse.From(row, await tasks.HistoryAsync(row.Id, cancellationToken), tasks.Now);
}
