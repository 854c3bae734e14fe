using EscalationFlows.Escalations.Sla.Calendars;

namespace EscalationFlows.Escalations.Tests.Sla.Support;

/// <summary>Calendars used across the SLA tests, built through the public definition API.</summary>
internal static class Calendars
{
    /// <summary>Berlin, Monday to Friday 08:00–12:00 and 13:00–17:00 (8 h a day, 40 h a week).</summary>
    public static BusinessCalendar BerlinOffice(IReadOnlyList<HolidayDefinition>? holidays = null, IReadOnlyList<SpecialDayDefinition>? specialDays = null)
    {
        Zones.Require(Zones.Berlin);
        return BusinessCalendar.FromDefinition(new BusinessCalendarDefinition
        {
            Id = "berlin-office",
            Name = "Berlin office",
            TimeZone = Zones.Berlin,
            WeeklyHours = Weekdays("08:00-12:00", "13:00-17:00"),
            Holidays = holidays ?? [],
            SpecialDays = specialDays ?? [],
        });
    }

    /// <summary>A calendar with the same hours on every day of the week (for DST tests on Sundays).</summary>
    public static BusinessCalendar EveryDay(string zone, params string[] hours)
    {
        Zones.Require(zone);
        return BusinessCalendar.FromDefinition(new BusinessCalendarDefinition
        {
            Id = "every-day",
            Name = "Every day",
            TimeZone = zone,
            WeeklyHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
                .ToDictionary(d => d, _ => (IReadOnlyList<string>)hours),
        });
    }

    /// <summary>The shipped business-hours calendar (Mon–Fri 09:00–17:00) in Berlin.</summary>
    public static BusinessCalendar BerlinBusinessHours()
    {
        Zones.Require(Zones.Berlin);
        return BusinessCalendar.FromDefinition(EscalationFlows.Escalations.Sla.SlaDefaults.BusinessHoursCalendar(Zones.Berlin));
    }

    public static BusinessCalendar TwentyFourSeven(string zone)
    {
        Zones.Require(zone);
        return BusinessCalendar.TwentyFourSeven("24x7", zone);
    }

    public static Dictionary<string, IReadOnlyList<string>> Weekdays(params string[] hours) =>
        new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }.ToDictionary(d => d, _ => (IReadOnlyList<string>)hours);
}
