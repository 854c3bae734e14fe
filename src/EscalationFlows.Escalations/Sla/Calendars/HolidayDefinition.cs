namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>
/// The JSON form of a holiday: either one <see cref="Date"/>, or an inclusive range <see cref="From"/>–<see cref="To"/>;
/// dates are local dates written yyyy-MM-dd.
/// </summary>
public sealed record HolidayDefinition
{
    /// <summary>A single closed date (yyyy-MM-dd); leave empty when <see cref="From"/>/<see cref="To"/> are used.</summary>
    public string? Date { get; init; }

    /// <summary>First closed date of a range (yyyy-MM-dd).</summary>
    public string? From { get; init; }

    /// <summary>Last closed date of a range, inclusive (yyyy-MM-dd).</summary>
    public string? To { get; init; }

    /// <summary>Optional display name ("Christmas Day").</summary>
    public string? Name { get; init; }
}
