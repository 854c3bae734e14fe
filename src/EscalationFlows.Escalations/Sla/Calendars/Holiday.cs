namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>A closed period of whole local dates, inclusive at both ends (a single date has <see cref="From"/> = <see cref="To"/>).</summary>
public sealed record Holiday
{
    /// <summary>Creates a holiday from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <exception cref="ArgumentException">When <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public Holiday(DateOnly from, DateOnly to, string? name = null)
    {
        if (to < from)
        {
            throw new ArgumentException($"The holiday ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
        Name = name;
    }

    /// <summary>First closed local date.</summary>
    public DateOnly From { get; }

    /// <summary>Last closed local date (inclusive).</summary>
    public DateOnly To { get; }

    /// <summary>Optional display name, used in explanations ("holiday Christmas Day").</summary>
    public string? Name { get; }

    /// <summary>A single closed date.</summary>
    public static Holiday On(DateOnly date, string? name = null) => new(date, date, name);

    /// <summary>True when <paramref name="date"/> is inside the holiday.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
