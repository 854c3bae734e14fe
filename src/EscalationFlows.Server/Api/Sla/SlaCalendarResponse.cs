using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Storage;

namespace EscalationFlows.Server.Api.Sla;

/// <summary>One stored version of a business calendar (normalised).</summary>
public sealed record SlaCalendarResponse
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Business time in an ordinary week (no holidays or DST change), for a quick check.</summary>
    public required double WeeklyBusinessHours { get; init; }

    public required BusinessCalendarDefinition Calendar { get; init; }

    public static SlaCalendarResponse From(SlaCalendarVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new SlaCalendarResponse
        {
            Id = version.Definition.Id,
            Version = version.Version,
            CreatedAt = version.CreatedAt,
            WeeklyBusinessHours = version.Calendar.WeeklyBusinessTime.TotalHours,
            Calendar = version.Definition,
        };
    }
}
