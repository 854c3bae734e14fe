using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Users;

/// <summary>Users: admins create them (and grant their roles); admins and escalation managers list them.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost(string.Empty, CreateAsync)
            .RequireAuthorization(Permissions.UsersManage)
            .WithName("CreateUser")
            .WithSummary("Creates a user")
            .WithDescription("Body `{ email, displayName, password, roles[], teams[] }`. The password needs at least 12 characters; roles are " +
                "admin, process-owner, escalation-manager, agent, resolver, leadership, viewer; teams must exist. 409 when the email is taken.")
            .AcceptsJson<CreateUserRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.UsersRead)
            .WithName("ListUsers")
            .WithSummary("Lists users")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

        group.MapPut("/{id}/skills", SetSkillsAsync)
            .RequireAuthorization(Permissions.UsersManage)
            .WithName("SetUserSkills")
            .WithSummary("Sets a user's skills")
            .WithDescription("Body `{ skills[] }` replaces the user's skills: the `skills` assignment strategy picks team members whose skills include the escalation's category.")
            .AcceptsJson<SetSkillsRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<SetSkillsRequest>> SetSkillsAsync(HttpRequest request, JsonRequestReader body, UserStore users, string id, CancellationToken cancellationToken)
    {
        var skills = (await body.ReadAsync<SetSkillsRequest>(request, allowEmpty: false, cancellationToken)).Skills;
        if (skills is null)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.Required, "Give the skills as a list.", [ApiError.At("/skills", ApiErrorCodes.Required, "Give the skills as a list (empty to clear them).")]);
        }

        var errors = skills.Select((s, i) => (s, i)).Where(x => string.IsNullOrWhiteSpace(x.s) || x.s.Length > 100)
            .Select(x => ApiError.At($"/skills/{x.i}", ApiErrorCodes.InvalidValue, "A skill is a non-empty name of at most 100 characters.")).ToList();
        if (errors.Count > 0)
        {
            throw new ApiRequestException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidValue, "Some skills are not valid; see errors.", errors);
        }

        var distinct = skills.Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (!await users.SetSkillsAsync(id, distinct, cancellationToken))
        {
            throw new Engine.Runtime.WorkflowNotFoundException($"There is no user '{id}'.");
        }

        return TypedResults.Ok(new SetSkillsRequest { Skills = distinct });
    }

    private static async Task<Created<UserResponse>> CreateAsync(HttpRequest request, JsonRequestReader body, UserAccountService accounts, UserStore users,
        CancellationToken cancellationToken)
    {
        var create = await body.ReadAsync<CreateUserRequest>(request, allowEmpty: false, cancellationToken);
        var row = await accounts.CreateUserAsync(
            new NewUser(create.Email ?? string.Empty, create.DisplayName ?? string.Empty, create.Password ?? string.Empty, create.Roles ?? [], create.Teams ?? []),
            cancellationToken);
        var teams = await users.GetTeamNamesAsync([row.Id], cancellationToken);
        return TypedResults.Created($"/api/users/{row.Id}", UserResponse.From(row, teams.GetValueOrDefault(row.Id) ?? []));
    }

    private static async Task<Ok<IReadOnlyList<UserResponse>>> ListAsync(UserStore users, CancellationToken cancellationToken)
    {
        var rows = await users.ListAsync(cancellationToken);
        var teams = await users.GetTeamNamesAsync([.. rows.Select(r => r.Id)], cancellationToken);
        IReadOnlyList<UserResponse> list = [.. rows.Select(r => UserResponse.From(r, teams.GetValueOrDefault(r.Id) ?? []))];
        return TypedResults.Ok(list);
    }
}
