using EscalationFlows.Server.Api.Bookmarks;
using EscalationFlows.Server.Api.Definitions;
using EscalationFlows.Server.Api.Descriptors;
using EscalationFlows.Server.Api.Docs;
using EscalationFlows.Server.Api.Events;
using EscalationFlows.Server.Api.Health;
using EscalationFlows.Server.Api.Instances;
using EscalationFlows.Server.Api.Sla;
using EscalationFlows.Server.Api.Tickets;
using EscalationFlows.Server.Studio;

namespace EscalationFlows.Server.Api;

/// <summary>
/// The one place where route groups are created. Every endpoint lives in one of these groups, so an authorization
/// policy (or rate limit) can be attached per group here, e.g. <c>definitions.RequireAuthorization("designer")</c>.
/// </summary>
public static class ApiEndpointGroups
{
    public static IEndpointRouteBuilder MapEscalationFlowsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var api = endpoints.MapGroup("/api");
        api.MapGroup("/workflow-definitions").WithTags("Workflow definitions").MapDefinitionEndpoints();
        api.MapGroup("/workflow-instances").WithTags("Workflow instances").MapInstanceEndpoints();
        api.MapGroup("/bookmarks").WithTags("Bookmarks").MapBookmarkEndpoints();
        api.MapGroup("/events").WithTags("Events").MapEventEndpoints();
        api.MapGroup("/activity-descriptors").WithTags("Activity descriptors").MapDescriptorEndpoints();
        api.MapGroup("/tickets").WithTags("Tickets").MapTicketEndpoints();
        api.MapGroup("/sla/policies").WithTags("SLA policies").MapSlaPolicyEndpoints();
        api.MapGroup("/sla/calendars").WithTags("SLA calendars").MapSlaCalendarEndpoints();
        api.MapGroup("/sla").WithTags("SLA clocks").MapSlaEndpoints();
        api.MapGroup(string.Empty).ExcludeFromDescription().MapServerPathFallback();

        var health = endpoints.MapGroup("/health").ExcludeFromDescription();
        health.MapHealthEndpoints();
        health.MapServerPathFallback();
        endpoints.MapGroup(string.Empty).ExcludeFromDescription().MapApiDocsEndpoints();
        endpoints.MapGroup(string.Empty).ExcludeFromDescription().MapStudioEndpoints();
        return endpoints;
    }
}
