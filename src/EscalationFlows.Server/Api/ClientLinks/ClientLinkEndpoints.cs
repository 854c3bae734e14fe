using EscalationFlows.Server.Auth;
using EscalationFlows.Server.ClientLinks;
using EscalationFlows.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.ClientLinks;

/// <summary>Managing client links: managers revoke them.</summary>
public static class ClientLinkEndpoints
{
    public static RouteGroupBuilder MapClientLinkEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapDelete("/{id}", RevokeAsync)
            .RequireAuthorization(Permissions.ClientLinksManage)
            .WithName("RevokeClientLink")
            .WithSummary("Revokes a client link")
            .WithDescription("The link stops working at once (410 for the client). 404 when there is no such link.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<NoContent> RevokeAsync(HttpContext context, ClientLinkService links, string id, CancellationToken cancellationToken)
    {
        if (!await links.RevokeAsync(id, CurrentUser.From(context.User).Id, cancellationToken))
        {
            throw new ApiRequestException(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, $"There is no client link '{id}'.");
        }

        return TypedResults.NoContent();
    }
}
