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

        return group;
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
