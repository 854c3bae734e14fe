using System.Globalization;

namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>
/// One working interval of a local day, half-open: [<see cref="StartMinute"/>, <see cref="EndMinute"/>) in minutes
/// after local midnight. The end may be 1440 ("24:00") so a day can run to midnight.
/// Intervals that cross midnight (for example 22:00–06:00) are not supported: split them into 22:00–24:00 on one
/// day and 00:00–06:00 on the next.
/// </summary>
public readonly record struct WorkingHours
{
    /// <summary>Minutes in a day; the largest allowed end.</summary>
    public const int MinutesPerDay = 1440;

    /// <summary>Creates an interval from minutes after local midnight.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When not 0 ≤ start &lt; end ≤ 1440.</exception>
    public WorkingHours(int startMinute, int endMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(startMinute);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endMinute, MinutesPerDay);
        if (endMinute <= startMinute)
        {
            throw new ArgumentOutOfRangeException(nameof(endMinute), endMinute, $"The end ({FormatMinute(endMinute)}) must be after the start ({FormatMinute(startMinute)}); intervals that cross midnight are not supported.");
        }

        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    /// <summary>The whole local day, 00:00–24:00.</summary>
    public static WorkingHours AllDay { get; } = new(0, MinutesPerDay);

    /// <summary>Start, in minutes after local midnight (inclusive).</summary>
    public int StartMinute { get; }

    /// <summary>End, in minutes after local midnight (exclusive); 1440 means midnight at the end of the day.</summary>
    public int EndMinute { get; }

    /// <summary>The nominal length of the interval (a DST change inside it makes the real length differ).</summary>
    public TimeSpan Length => TimeSpan.FromMinutes(EndMinute - StartMinute);

    /// <summary>Parses "HH:mm-HH:mm" (two-digit hours and minutes; "24:00" only as the end).</summary>
    /// <exception cref="FormatException">With a plain sentence saying what is wrong.</exception>
    public static WorkingHours Parse(string text) =>
        TryParse(text, out var hours, out var error) ? hours : throw new FormatException(error);

    /// <summary>Parses "HH:mm-HH:mm"; on failure <paramref name="error"/> is a plain sentence saying what is wrong.</summary>
    public static bool TryParse(string? text, out WorkingHours hours, out string error)
    {
        hours = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A working interval is required in the form HH:mm-HH:mm, for example 08:00-12:00.";
            return false;
        }

        var parts = text.Split('-');
        if (parts.Length != 2 || !TryParseClock(parts[0].Trim(), out var start) || !TryParseClock(parts[1].Trim(), out var end))
        {
            error = $"'{text}' is not a working interval; use HH:mm-HH:mm with two-digit hours 00-24 and minutes 00-59, for example 08:00-12:00.";
            return false;
        }

        if (start == MinutesPerDay)
        {
            error = $"'{text}' starts at 24:00; 24:00 is allowed only as an end.";
            return false;
        }

        if (end <= start)
        {
            error = $"'{text}' ends before it starts; intervals that cross midnight are not supported, so split them (for example 22:00-24:00 and 00:00-06:00 on the next day).";
            return false;
        }

        hours = new WorkingHours(start, end);
        error = string.Empty;
        return true;
    }

    /// <summary>True when the two intervals share at least one minute.</summary>
    public bool Overlaps(WorkingHours other) => StartMinute < other.EndMinute && other.StartMinute < EndMinute;

    /// <summary>"HH:mm-HH:mm", the same form <see cref="Parse"/> accepts.</summary>
    public override string ToString() => $"{FormatMinute(StartMinute)}-{FormatMinute(EndMinute)}";

    internal static string FormatMinute(int minute) =>
        string.Create(CultureInfo.InvariantCulture, $"{minute / 60:00}:{minute % 60:00}");

    private static bool TryParseClock(string text, out int minute)
    {
        minute = 0;
        if (text.Length != 5 || text[2] != ':' || !char.IsAsciiDigit(text[0]) || !char.IsAsciiDigit(text[1]) || !char.IsAsciiDigit(text[3]) || !char.IsAsciiDigit(text[4]))
        {
            return false;
        }

        var h = ((text[0] - '0') * 10) + (text[1] - '0');
        var m = ((text[3] - '0') * 10) + (text[4] - '0');
        if (h > 24 || m > 59 || (h == 24 && m != 0))
        {
            return false;
        }

        minute = (h * 60) + m;
        return true;
    }
}
