namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>The lowercase English weekday names used as keys of <see cref="BusinessCalendarDefinition.WeeklyHours"/>.</summary>
internal static class WeekdayNames
{
    public static readonly string[] All = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static bool TryParse(string? name, out DayOfWeek day)
    {
        var index = Array.IndexOf(All, name);
        day = index < 0 ? default : (DayOfWeek)((index + 1) % 7);
        return index >= 0;
    }

    public static DayOfWeek Parse(string name) =>
        TryParse(name, out var day) ? day : throw new FormatException($"'{name}' is not a weekday name; use one of {string.Join(", ", All)}.");

    public static string Format(DayOfWeek day) => All[((int)day + 6) % 7];
}
