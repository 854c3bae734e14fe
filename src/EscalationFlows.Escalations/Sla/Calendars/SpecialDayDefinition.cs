namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>The JSON form of a special day: one local date (yyyy-MM-dd) whose hours replace the weekday's; empty hours close the date.</summary>
public sealed record SpecialDayDefinition
{
    /// <summary>The local date (yyyy-MM-dd).</summary>
    public string Date { get; init; } = string.Empty;

    /// <summary>Working intervals as "HH:mm-HH:mm".</summary>
    public IReadOnlyList<string> Hours { get; init; } = [];

    /// <summary>Optional display name ("Christmas Eve").</summary>
    public string? Name { get; init; }
}
