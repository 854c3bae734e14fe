using EscalationFlows.Persistence.Identity;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Teams;

/// <summary>Teams: admins create them; anyone signed in lists them (the designer offers them as candidate teams).</summary>
public static class TeamEndpoints
{
    public static RouteGroupBuilder MapTeamEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapPost(string.Empty, CreateAsync)
            .RequireAuthorization(Permissions.TeamsManage)
            .WithName("CreateTeam")
            .WithSummary("Creates a team")
            .WithDescription("Body `{ name, skills[] }`. Names are unique regardless of case. 409 when the name is taken.")
            .AcceptsJson<CreateTeamRequest>()
            .ProducesApiProblems(StatusCodes.Status400BadRequest, StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict);

        group.MapGet(string.Empty, ListAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("ListTeams")
            .WithSummary("Lists teams")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized);

        return group;
    }

    private static async Task<Created<TeamResponse>> CreateAsync(HttpRequest request, JsonRequestReader body, UserAccountService accounts, CancellationToken cancellationToken)
    {
        var create = await body.ReadAsync<CreateTeamRequest>(request, allowEmpty: false, cancellationToken);
        var team = await accounts.CreateTeamAsync(create.Name, create.Skills ?? [], cancellationToken);
        return TypedResults.Created($"/api/teams/{team.Id}", TeamResponse.From(team, 0));
    }

    private static async Task<Ok<IReadOnlyList<TeamResponse>>> ListAsync(TeamStore teams, CancellationToken cancellationToken)
    {
        var rows = await teams.ListAsync(cancellationToken);
        var counts = await teams.CountMembersAsync(cancellationToken);
        IReadOnlyList<TeamResponse> list = [.. rows.Select(t => TeamResponse.From(t, counts.GetValueOrDefault(t.Id)))];
        return TypedResults.Ok(list);
    }
}
