using EscalationFlows.Engine.Activities;
using EscalationFlows.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Descriptors;

/// <summary>The activity palette: what the designer and validation know about every registered activity type.</summary>
public static class DescriptorEndpoints
{
    public static RouteGroupBuilder MapDescriptorEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet(string.Empty, List)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("ListActivityDescriptors")
            .WithSummary("Lists the registered activity types")
            .WithDescription("Ordered by category, then display name. Each descriptor lists inputs (with type, default, UI hint), outputs and ports.");

        return group;
    }

    private static Ok<IReadOnlyList<ActivityDescriptor>> List(IActivityRegistry registry) => TypedResults.Ok(registry.Descriptors);
}
