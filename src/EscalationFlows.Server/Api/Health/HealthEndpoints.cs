using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace EscalationFlows.Server.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the store answers too).</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithDisplayName("Liveness");
        group.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync })
            .WithDisplayName("Readiness");
        return group;
    }
}
