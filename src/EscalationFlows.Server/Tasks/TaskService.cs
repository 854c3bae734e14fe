using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.ClientLinks;
using EscalationFlows.Server.Http;

namespace EscalationFlows.Server.Tasks;

/// <summary>
/// The rules of the task inbox (docs/roles.md): who sees a task, who may claim, release, reassign and complete it, and
/// completion itself (outcome and form data checked here, then the task's bookmark resumed through the runtime; the
/// task row changes in the same transaction). Managers (admin, escalation-manager) may act on any task.
/// </summary>
public sealed class TaskService
{
    private readonly HumanTaskStore _tasks;
    private readonly UserStore _users;
    private readonly TeamStore _teams;
    private readonly WorkflowRuntime _runtime;
    private readonly ClientLinkService _links;
    private readonly TimeProvider _clock;

    public TaskService(HumanTaskStore tasks, UserStore users, TeamStore teams, WorkflowRuntime runtime, ClientLinkService links, TimeProvider clock)
    {
        _tasks = tasks;
        _users = users;
        _teams = teams;
        _runtime = runtime;
        _links = links;
        _clock = clock;
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>
    /// The inbox. Without <c>assignee</c> and <c>team</c>: tasks assigned to (or completed by) the caller plus unassigned
    /// tasks queued for the caller's teams or roles. <c>assignee=me</c>: only the caller's own; <c>team=mine</c>: only the
    /// unassigned tasks of the caller's teams and roles; both: the union. <c>assignee=any</c>, another user's id, or a
    /// team the caller is not in need a role that reads every task.
    /// </summary>
    public async Task<HumanTaskPage> ListAsync(CurrentUser user, TaskListRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        var assignee = request.Assignee;
        var team = request.Team;
        if (assignee is null && team is null)
        {
            assignee = "me";
            team = "mine";
        }

        var teamKeys = TeamKeys(user);
        var query = new HumanTaskQuery { Status = request.Status, Sort = request.Sort };
        switch (assignee)
        {
            case null:
                break;
            case "me":
                query = query with { AssignedTo = user.Id };
                break;
            case "any":
                RequireReadAll(user, "assignee", "Listing every task needs a role that reads all tasks (admin, escalation-manager, leadership, viewer).");
                query = query with { All = true };
                break;
            default:
                if (!string.Equals(assignee, user.Id, StringComparison.Ordinal))
                {
                    RequireReadAll(user, "assignee", "Listing another user's tasks needs a role that reads all tasks.");
                }

                query = query with { AssignedTo = assignee };
                break;
        }

        switch (team)
        {
            case null:
                break;
            case "mine":
                query = query with { QueueTeamKeys = teamKeys, QueueRoles = user.Roles };
                break;
            default:
                var key = HumanTaskKeys.Team(team)!;
                if (!teamKeys.Contains(key, StringComparer.Ordinal))
                {
                    RequireReadAll(user, "team", $"You are not a member of '{team}'; listing its tasks needs a role that reads all tasks.");
                }

                query = query with { TeamKey = key };
                break;
        }

        if (!user.CanReadAllTasks)
        {
            query = query with { Visibility = new HumanTaskVisibility(user.Id, teamKeys, user.Roles) };
        }

        return await _tasks.QueryAsync(query, new PageRequest(request.Page, request.PageSize), cancellationToken);
    }

    /// <summary>The task, if the caller may see it (404 when it does not exist, 403 when it is not for the caller).</summary>
    public async Task<HumanTaskRow> GetAsync(CurrentUser user, string taskId, CancellationToken cancellationToken)
    {
        var row = await RequireAsync(taskId, cancellationToken);
        if (!user.CanReadAllTasks && !IsWorker(user, row) && !string.Equals(row.CompletedBy, user.Id, StringComparison.Ordinal))
        {
            throw Forbidden("This task is not assigned to you and not in your teams' or roles' queues.");
        }

        return row;
    }

    public Task<IReadOnlyList<HumanTaskEventRow>> HistoryAsync(string taskId, CancellationToken cancellationToken) => _tasks.GetEventsAsync(taskId, cancellationToken);

    /// <summary>Assigns an unassigned open task to the caller, who must be a candidate (team member or role holder) or a manager.</summary>
    public async Task<HumanTaskRow> ClaimAsync(CurrentUser user, string taskId, CancellationToken cancellationToken)
    {
        var row = await GetAsync(user, taskId, cancellationToken);
        RequireOpen(row);
        if (string.Equals(row.AssigneeId, user.Id, StringComparison.Ordinal))
        {
            return row;
        }

        if (row.AssigneeId is not null)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.TaskAssigned, "Someone else has claimed this task; a manager can reassign it.");
        }

        if (!user.IsTaskManager && !IsCandidate(user, row))
        {
            throw Forbidden("Only members of the task's team, holders of its role, or managers may claim it.");
        }

        RequireUser(user, "claim");
        return await _tasks.ChangeAsync(taskId, row.Revision, t => t.AssigneeId = user.Id,
            HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Claimed, user.Id, Now), cancellationToken);
    }

    /// <summary>Puts a claimed task back in its queue: its assignee or a manager may.</summary>
    public async Task<HumanTaskRow> ReleaseAsync(CurrentUser user, string taskId, string? reason, CancellationToken cancellationToken)
    {
        var row = await GetAsync(user, taskId, cancellationToken);
        RequireOpen(row);
        if (row.AssigneeId is null)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.TaskNotAssigned, "The task is not assigned to anyone; there is nothing to release.");
        }

        if (!user.IsTaskManager && !string.Equals(row.AssigneeId, user.Id, StringComparison.Ordinal))
        {
            throw Forbidden("Only the task's assignee or a manager may release it.");
        }

        return await _tasks.ChangeAsync(taskId, row.Revision, t => t.AssigneeId = null,
            HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Released, user.Id, Now, new JsonObject { ["from"] = row.AssigneeId, ["reason"] = reason }), cancellationToken);
    }

    /// <summary>
    /// Gives the task to a user (who becomes the assignee) or to a team (which becomes the candidate team; the task is
    /// unassigned). Managers may reassign any task; an assignee may hand over their own.
    /// </summary>
    public async Task<HumanTaskRow> ReassignAsync(CurrentUser user, string taskId, string? userId, string? team, string? reason, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(userId) == string.IsNullOrWhiteSpace(team))
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.Required, "Give either 'userId' or 'team' to reassign the task to.",
                [ApiError.At(string.Empty, ApiErrorCodes.Required, "Give either 'userId' or 'team', not both.")]);
        }

        var row = await GetAsync(user, taskId, cancellationToken);
        RequireOpen(row);
        if (!user.IsTaskManager && !string.Equals(row.AssigneeId, user.Id, StringComparison.Ordinal))
        {
            throw Forbidden("Only a manager, or the task's assignee handing it over, may reassign it.");
        }

        var details = new JsonObject { ["fromAssignee"] = row.AssigneeId, ["fromTeam"] = row.CandidateTeam, ["reason"] = reason };
        Action<HumanTaskRow> change;
        if (!string.IsNullOrWhiteSpace(userId))
        {
            var target = await _users.FindAsync(userId, cancellationToken);
            if (target is null || target.Disabled)
            {
                throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidValue, $"There is no user '{userId}'.",
                    [ApiError.At("/userId", ApiErrorCodes.InvalidValue, $"There is no user '{userId}'.")]);
            }

            details["toUser"] = target.Id;
            change = t => t.AssigneeId = target.Id;
        }
        else
        {
            var found = await _teams.FindByNamesAsync([team!], cancellationToken);
            if (!found.TryGetValue(HumanTaskKeys.Team(team)!, out var target))
            {
                throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidValue, $"There is no team '{team}'.",
                    [ApiError.At("/team", ApiErrorCodes.InvalidValue, $"There is no team '{team}'.")]);
            }

            details["toTeam"] = target.Name;
            change = t =>
            {
                t.AssigneeId = null;
                t.CandidateTeam = target.Name;
                t.CandidateTeamKey = target.NormalizedName;
            };
        }

        return await _tasks.ChangeAsync(taskId, row.Revision, change, HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Reassigned, user.Id, Now, details), cancellationToken);
    }

    /// <summary>
    /// Completes the task: the caller must be its assignee, a candidate of an unclaimed task, or a manager; the outcome
    /// must be one of the task's (422) and the data must match its form (422 listing every field). The bookmark is
    /// resumed through the runtime; the task row is completed in the same transaction (409 when it was completed,
    /// cancelled or changed meanwhile).
    /// </summary>
    public async Task<HumanTaskRow> CompleteAsync(CurrentUser user, string taskId, string? outcome, JsonNode? data, CancellationToken cancellationToken)
    {
        var row = await GetAsync(user, taskId, cancellationToken);
        RequireOpen(row);
        var mayComplete = user.IsTaskManager
            || string.Equals(row.AssigneeId, user.Id, StringComparison.Ordinal)
            || (row.AssigneeId is null && IsCandidate(user, row));
        if (!mayComplete)
        {
            throw Forbidden(row.AssigneeId is null
                ? "Only members of the task's team, holders of its role, or managers may complete it."
                : "The task is assigned to someone else; only they or a manager may complete it.");
        }

        var checkedData = CheckAnswer(row, outcome, data);
        var completion = new HumanTaskCompletion { Outcome = outcome!, Data = checkedData, CompletedBy = user.Id, ExpectedRevision = row.Revision };
        await ResumeAsync(row, completion, cancellationToken);
        return await RequireAsync(taskId, cancellationToken);
    }

    /// <summary>Completes a task for the client through its link (already verified); the link is used up in the same transaction.</summary>
    public async Task<HumanTaskRow> CompleteAsClientAsync(ClientLinkGrant grant, string? outcome, JsonNode? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var row = await RequireClientTaskAsync(grant, cancellationToken);
        var checkedData = CheckAnswer(row, outcome, data);
        var completion = new HumanTaskCompletion { Outcome = outcome!, Data = checkedData, CompletedBy = grant.Actor, ClientLinkId = grant.Link.Id };
        await ResumeAsync(row, completion, cancellationToken);
        return await RequireAsync(row.Id, cancellationToken);
    }

    /// <summary>The open task a verified client link is for.</summary>
    public async Task<HumanTaskRow> RequireClientTaskAsync(ClientLinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var row = await _tasks.GetAsync(grant.Claims.SubjectId, cancellationToken);
        if (row is null || row.Status != HumanTaskStatuses.Open)
        {
            throw new ApiRequestException(StatusCodes.Status410Gone, ApiErrorCodes.TaskNotOpen, "This request is closed; no answer is needed any more.");
        }

        return row;
    }

    /// <summary>(Re)issues the client link of an open task; earlier unused links of the task stop working.</summary>
    public async Task<(HumanTaskRow Task, ClientLinkTicket Link)> IssueClientLinkAsync(CurrentUser user, string taskId, CancellationToken cancellationToken)
    {
        var row = await GetAsync(user, taskId, cancellationToken);
        RequireOpen(row);
        var ticket = _links.Prepare(HumanTaskActivity.ClientLinkPurpose, taskId);
        var updated = await _tasks.IssueClientLinkAsync(taskId, _links.ToRow(ticket, user.Id), user.Id, cancellationToken);
        return (updated, ticket);
    }

    /// <summary>Whether the caller is the assignee or a candidate (member of the candidate team, holder of the candidate role).</summary>
    public static bool IsWorker(CurrentUser user, HumanTaskRow row)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(row);
        return string.Equals(row.AssigneeId, user.Id, StringComparison.Ordinal) || IsCandidate(user, row);
    }

    public static bool IsCandidate(CurrentUser user, HumanTaskRow row)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(row);
        return (row.CandidateTeamKey is { } team && TeamKeys(user).Contains(team, StringComparer.Ordinal))
            || (row.CandidateRole is { } role && user.HasRole(role));
    }

    private JsonObject CheckAnswer(HumanTaskRow row, string? outcome, JsonNode? data)
    {
        var outcomes = WorkflowJson.Deserialize<List<string>>(row.Outcomes) ?? [];
        if (string.IsNullOrWhiteSpace(outcome) || !outcomes.Contains(outcome, StringComparer.Ordinal))
        {
            var message = string.IsNullOrWhiteSpace(outcome)
                ? $"Choose an outcome: {string.Join(", ", outcomes)}."
                : $"'{outcome}' is not an outcome of this task; choose one of {string.Join(", ", outcomes)}.";
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.OutcomeUnknown, message,
                [ApiError.At("/outcome", ApiErrorCodes.OutcomeUnknown, message)]);
        }

        if (data is not null and not JsonObject)
        {
            throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.FormInvalid, "The form data must be an object of fields.",
                [ApiError.At("/data", ApiErrorCodes.InvalidType, "The form data must be an object of fields.")]);
        }

        var values = (JsonObject?)data?.DeepClone() ?? [];
        if (row.Form is { } form)
        {
            var errors = FormSchema.Parse(JsonNode.Parse(form)).Validate(values);
            if (errors.Count > 0)
            {
                throw new ApiRequestException(StatusCodes.Status422UnprocessableEntity, ApiErrorCodes.FormInvalid,
                    errors.Count == 1 ? $"The form has a problem: {errors[0].Message}" : $"The form has {errors.Count} problems; see errors.",
                    [.. errors.Select(e => ApiError.At("/data" + e.Pointer, ApiErrorCodes.FormInvalid, e.Message))]);
            }
        }

        return values;
    }

    private async Task ResumeAsync(HumanTaskRow row, HumanTaskCompletion completion, CancellationToken cancellationToken)
    {
        try
        {
            await _runtime.ResumeAsync(row.Id, WorkflowJson.ToNode(completion), idempotencyKey: null, cancellationToken);
        }
        catch (BookmarkConflictException)
        {
            var now = await _tasks.GetAsync(row.Id, cancellationToken);
            if (now is not null && now.Status != HumanTaskStatuses.Open)
            {
                throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.TaskNotOpen, $"The task is already {now.Status}.");
            }

            throw;
        }
    }

    private async Task<HumanTaskRow> RequireAsync(string taskId, CancellationToken cancellationToken) =>
        await _tasks.GetAsync(taskId, cancellationToken) ?? throw new WorkflowNotFoundException($"There is no task '{taskId}'.");

    private static void RequireOpen(HumanTaskRow row)
    {
        if (row.Status != HumanTaskStatuses.Open)
        {
            throw new ApiRequestException(StatusCodes.Status409Conflict, ApiErrorCodes.TaskNotOpen, $"The task is already {row.Status}.");
        }
    }

    private static void RequireReadAll(CurrentUser user, string parameter, string message)
    {
        if (!user.CanReadAllTasks)
        {
            throw new ApiRequestException(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, message, [ApiError.ForParameter(parameter, ApiErrorCodes.Forbidden, message)]);
        }
    }

    private static void RequireUser(CurrentUser user, string action)
    {
        if (user.Kind != AuthClaims.UserKind && user.Kind != AuthClaims.TokenKind)
        {
            throw Forbidden($"An API key cannot {action} a task for itself; sign in as a person, or reassign the task to one.");
        }
    }

    private static List<string> TeamKeys(CurrentUser user) => [.. user.Teams.Select(HumanTaskKeys.Team).OfType<string>()];

    private static ApiRequestException Forbidden(string message) => new(StatusCodes.Status403Forbidden, ApiErrorCodes.Forbidden, message);
}
