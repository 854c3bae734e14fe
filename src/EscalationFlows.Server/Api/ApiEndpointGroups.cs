using EscalationFlows.Server.Api.ApiKeys;
using EscalationFlows.Server.Api.Auth;
using EscalationFlows.Server.Api.Bookmarks;
using EscalationFlows.Server.Api.ClientLinks;
using EscalationFlows.Server.Api.Definitions;
using EscalationFlows.Server.Api.Descriptors;
using EscalationFlows.Server.Api.Escalations;
using EscalationFlows.Server.Api.Docs;
using EscalationFlows.Server.Api.Events;
using EscalationFlows.Server.Api.Health;
using EscalationFlows.Server.Api.Instances;
using EscalationFlows.Server.Api.Live;
using EscalationFlows.Server.Api.Tasks;
using EscalationFlows.Server.Api.Teams;
using EscalationFlows.Server.Api.Users;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Api.Sla;
using EscalationFlows.Server.Api.Tickets;
using EscalationFlows.Server.Studio;

namespace EscalationFlows.Server.Api;

/// <summary>
/// The one place where route groups are created. Every endpoint names its authorization policy (a permission from
/// <see cref="Permissions"/>) where it is mapped, or is explicitly anonymous: sign-in and sign-out, health, the client
/// link endpoints (tasks and escalations) and the studio. A test fails when an endpoint has neither.
/// </summary>
public static class ApiEndpointGroups
{
    public static IEndpointRouteBuilder MapEscalationFlowsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var api = endpoints.MapGroup("/api");
        api.MapGroup("/auth").WithTags("Authentication").MapAuthEndpoints();
        api.MapGroup("/users").WithTags("Users").MapUserEndpoints();
        api.MapGroup("/teams").WithTags("Teams").MapTeamEndpoints();
        api.MapGroup("/api-keys").WithTags("API keys").MapApiKeyEndpoints();
        api.MapGroup("/workflow-definitions").WithTags("Workflow definitions").MapDefinitionEndpoints();
        api.MapGroup("/workflow-instances").WithTags("Workflow instances").MapInstanceEndpoints();
        api.MapGroup("/bookmarks").WithTags("Bookmarks").MapBookmarkEndpoints();
        api.MapGroup("/events").WithTags("Events").MapEventEndpoints();
        api.MapGroup("/activity-descriptors").WithTags("Activity descriptors").MapDescriptorEndpoints();
        api.MapGroup("/tasks").WithTags("Tasks").MapTaskEndpoints();
        api.MapGroup("/client-links").WithTags("Client links").MapClientLinkEndpoints();
        api.MapGroup("/client").WithTags("Client").MapClientEndpoints();
        api.MapGroup("/tickets").WithTags("Tickets").MapTicketEndpoints();
        api.MapGroup("/escalations").WithTags("Escalations").MapEscalationEndpoints();
        api.MapGroup("/sla/policies").WithTags("SLA policies").MapSlaPolicyEndpoints();
        api.MapGroup("/sla/calendars").WithTags("SLA calendars").MapSlaCalendarEndpoints();
        api.MapGroup("/sla").WithTags("SLA clocks").MapSlaEndpoints();
        api.MapGroup("/live").WithTags("Live updates").MapLiveEndpoints();

        // Unknown API paths answer 404/405 to signed-in callers only, so the API's shape cannot be probed anonymously.
        api.MapGroup(string.Empty).ExcludeFromDescription().RequireAuthorization(Permissions.SignedIn).MapServerPathFallback();

        var health = endpoints.MapGroup("/health").ExcludeFromDescription().AllowAnonymous();
        health.MapHealthEndpoints();
        health.MapServerPathFallback();
        endpoints.MapGroup(string.Empty).ExcludeFromDescription().RequireAuthorization(Permissions.SignedIn).MapApiDocsEndpoints();
        endpoints.MapGroup(string.Empty).ExcludeFromDescription().AllowAnonymous().MapStudioEndpoints();
        return endpoints;
    }
}
