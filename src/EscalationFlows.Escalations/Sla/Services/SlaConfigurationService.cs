using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Storage;

namespace EscalationFlows.Escalations.Sla.Services;

/// <summary>
/// Saves SLA policies and business calendars as immutable versions. A document equal to the latest version (the version
/// number ignored) saves nothing; any other change becomes version latest + 1, which open clocks then follow (see
/// <see cref="SlaClockService.RecomputeOutdatedAsync"/>). Calendars are stored in their normalised form.
/// </summary>
public static class SlaConfigurationService
{
    /// <summary>Validates and saves a policy version.</summary>
    /// <exception cref="SlaDefinitionException">Every problem, with JSON pointers (an unknown calendar at <c>/calendarId</c>).</exception>
    public static async Task<SlaSaveResult<SlaPolicy>> SavePolicyAsync(ISlaSession session, SlaPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(policy);
        var candidate = policy with { Version = Math.Max(policy.Version, 1) };
        var errors = candidate.Validate().ToList();
        if (errors.Count == 0 && await session.GetCalendarAsync(candidate.CalendarId, null, cancellationToken) is null)
        {
            errors.Add(new DefinitionError("/calendarId", SlaErrorCodes.UnknownReference, $"There is no business calendar '{candidate.CalendarId}'; create it first (POST /api/sla/calendars)."));
        }

        if (errors.Count > 0)
        {
            throw new SlaDefinitionException("SLA policy", errors);
        }

        var latest = await session.GetPolicyAsync(candidate.Id, null, cancellationToken);
        if (latest is not null && SameContent(latest.Policy, candidate))
        {
            return new SlaSaveResult<SlaPolicy>(latest.Policy, latest.Policy.Version, Created: false);
        }

        var saved = candidate with { Version = (latest?.Policy.Version ?? 0) + 1 };
        await session.AddPolicyVersionAsync(saved, now, cancellationToken);
        return new SlaSaveResult<SlaPolicy>(saved, saved.Version, Created: true);
    }

    /// <summary>Validates and saves a calendar version.</summary>
    /// <exception cref="SlaDefinitionException">Every problem, with JSON pointers.</exception>
    public static async Task<SlaSaveResult<BusinessCalendarDefinition>> SaveCalendarAsync(ISlaSession session, BusinessCalendarDefinition definition, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(definition);
        var normalised = BusinessCalendar.FromDefinition(definition).ToDefinition();
        var latest = await session.GetCalendarAsync(normalised.Id, null, cancellationToken);
        if (latest is not null && WorkflowJson.Serialize(latest.Definition) == WorkflowJson.Serialize(normalised))
        {
            return new SlaSaveResult<BusinessCalendarDefinition>(latest.Definition, latest.Version, Created: false);
        }

        var version = (latest?.Version ?? 0) + 1;
        await session.AddCalendarVersionAsync(normalised, version, now, cancellationToken);
        return new SlaSaveResult<BusinessCalendarDefinition>(normalised, version, Created: true);
    }

    private static bool SameContent(SlaPolicy a, SlaPolicy b) =>
        WorkflowJson.Serialize(a with { Version = 0 }) == WorkflowJson.Serialize(b with { Version = 0 });
}
