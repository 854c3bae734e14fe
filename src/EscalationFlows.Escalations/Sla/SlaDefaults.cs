using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;

namespace EscalationFlows.Escalations.Sla;

/// <summary>
/// Shipped defaults: an ITIL-like policy and the two calendars it is meant for. The targets (business time in the
/// "business-hours" calendar, Monday to Friday 09:00–17:00, so one business day is 8 h):
/// <list type="table">
/// <listheader><term>Priority</term><description>response / resolution (platinum tier)</description></listheader>
/// <item><term>P1 Critical</term><description>15 min / 4 h (10 min / 2 h)</description></item>
/// <item><term>P2 High</term><description>30 min / 8 h = 1 business day (15 min / 4 h)</description></item>
/// <item><term>P3 Moderate</term><description>2 h / 24 h = 3 business days (1 h / 16 h)</description></item>
/// <item><term>P4 Low</term><description>8 h / 40 h = 5 business days</description></item>
/// <item><term>P5 Planning</term><description>16 h / 80 h = 10 business days</description></item>
/// </list>
/// Pauses: awaiting-client and on-hold-by-client. Thresholds: 50 % and 75 % warn, 90 % escalate, 100 % breach.
/// </summary>
public static class SlaDefaults
{
    /// <summary>Id of the default business-hours calendar.</summary>
    public const string BusinessHoursCalendarId = "business-hours";

    /// <summary>Id of the default round-the-clock calendar.</summary>
    public const string TwentyFourSevenCalendarId = "24x7";

    /// <summary>The default ITIL-like policy (id "standard", version 1), counting in <see cref="BusinessHoursCalendarId"/>.</summary>
    public static SlaPolicy Policy { get; } = new()
    {
        Id = "standard",
        Name = "Standard support (ITIL-like)",
        Version = 1,
        CalendarId = BusinessHoursCalendarId,
        Targets =
        [
            new() { Priority = 1, ResponseMinutes = 15, ResolutionMinutes = 4 * 60 },
            new() { Priority = 2, ResponseMinutes = 30, ResolutionMinutes = 8 * 60 },
            new() { Priority = 3, ResponseMinutes = 2 * 60, ResolutionMinutes = 24 * 60 },
            new() { Priority = 4, ResponseMinutes = 8 * 60, ResolutionMinutes = 40 * 60 },
            new() { Priority = 5, ResponseMinutes = 16 * 60, ResolutionMinutes = 80 * 60 },
            new() { Priority = 1, Tier = "platinum", ResponseMinutes = 10, ResolutionMinutes = 2 * 60 },
            new() { Priority = 2, Tier = "platinum", ResponseMinutes = 15, ResolutionMinutes = 4 * 60 },
            new() { Priority = 3, Tier = "platinum", ResponseMinutes = 60, ResolutionMinutes = 16 * 60 },
        ],
        PauseConditions = SlaPauseCondition.Defaults,
        Thresholds = SlaThreshold.Defaults,
    };

    /// <summary>Monday to Friday, 09:00–17:00, in the given IANA time zone, without holidays.</summary>
    public static BusinessCalendarDefinition BusinessHoursCalendar(string timeZone = "UTC") => new()
    {
        Id = BusinessHoursCalendarId,
        Name = "Business hours (Mon–Fri 09:00–17:00)",
        TimeZone = timeZone,
        WeeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .ToDictionary(d => d, _ => (IReadOnlyList<string>)["09:00-17:00"]),
    };

    /// <summary>Every day 00:00–24:00 in the given IANA time zone: business time equals wall time.</summary>
    public static BusinessCalendarDefinition TwentyFourSevenCalendar(string timeZone = "UTC") => new()
    {
        Id = TwentyFourSevenCalendarId,
        Name = "24×7",
        TimeZone = timeZone,
        WeeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(d => d, _ => (IReadOnlyList<string>)["00:00-24:00"]),
    };
}
