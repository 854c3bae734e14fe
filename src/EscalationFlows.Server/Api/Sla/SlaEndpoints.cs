using EscalationFlows.Server.Auth;
using EscalationFlows.Escalations.Sla.Reports;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Sla;

/// <summary>SLA clocks of a subject (ticket or escalation): status, times, thresholds, ledger and explanation.</summary>
public static class SlaEndpoints
{
    public static RouteGroupBuilder MapSlaEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);

        group.MapGet("/{subjectId}", GetAsync)
            .RequireAuthorization(Permissions.SlaRead)
            .WithName("GetSlaClocks")
            .WithSummary("Explains the SLA clocks of a ticket or escalation")
            .WithDescription("Per metric (response, resolution): status, target, elapsed business time and percentage, remaining, predicted breach, thresholds fired (with when) and pending (with their due instants), the ledger of running and paused intervals with the business time each counted, and the plain-English explanation. Durations are { seconds, text }.")
            .ProducesApiProblems(StatusCodes.Status404NotFound);

        return group;
    }

    private static async Task<Ok<SlaSubjectReport>> GetAsync(ISlaStore store, SlaClockService service, TimeProvider clock, string subjectId, CancellationToken cancellationToken)
    {
        var clocks = await store.ReadAsync((session, ct) => service.GetClocksAsync(session, subjectId, ct), cancellationToken);
        if (clocks.Count == 0)
        {
            throw SlaApiErrors.NotFound($"'{subjectId}' has no SLA clock.");
        }

        return TypedResults.Ok(SlaReportBuilder.Build(subjectId, clocks, clock.GetUtcNow()));
    }
}
