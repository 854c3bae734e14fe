namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>
/// Working hours for one local date that replace the weekday's hours (for example a half day on 24 December).
/// A special day takes precedence over holidays and the weekly hours; an empty <see cref="Hours"/> closes the date.
/// </summary>
public sealed record SpecialDay
{
    /// <summary>Creates a special day; the intervals must not overlap.</summary>
    /// <exception cref="ArgumentException">When two intervals overlap.</exception>
    public SpecialDay(DateOnly date, IReadOnlyList<WorkingHours> hours, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(hours);
        Date = date;
        Hours = BusinessCalendar.SortAndCheck(hours, $"special day {date:yyyy-MM-dd}");
        Name = name;
    }

    /// <summary>The local date.</summary>
    public DateOnly Date { get; }

    /// <summary>The working intervals of that date, sorted by start.</summary>
    public IReadOnlyList<WorkingHours> Hours { get; }

    /// <summary>Optional display name.</summary>
    public string? Name { get; }
}
