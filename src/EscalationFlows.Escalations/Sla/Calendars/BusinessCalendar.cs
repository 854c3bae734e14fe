using System.Globalization;

namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>
/// A business calendar: working hours per weekday (several intervals per day allowed) in one IANA time zone,
/// minus holidays, with optional per-date special hours. It answers business-time arithmetic on UTC instants.
/// </summary>
/// <remarks>
/// <para>
/// Definition of business time: an instant is business time when its local wall-clock time (in <see cref="TimeZone"/>)
/// falls inside a working interval of its local date. Every operation follows from that one rule, so around DST changes:
/// </para>
/// <list type="bullet">
/// <item>Spring gap (clocks jump forward): local times that do not exist are never business time, so a working hour
/// that falls in the gap is not counted.</item>
/// <item>Autumn overlap (clocks go back): the repeated local hour happens twice, at two different UTC instants, and
/// counts twice when it is working time.</item>
/// </list>
/// <para>
/// A 24×7 calendar therefore counts exactly the elapsed (wall) time in any zone. All instants go in and come out as
/// <see cref="DateTimeOffset"/>; results are in UTC (offset zero). Arithmetic walks local days and skips whole
/// weeks that contain no holiday, special day or offset change, so long spans cost a few operations per week, not per minute.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    private const long TicksPerDay = TimeSpan.TicksPerDay;
    private const long TicksPerMinute = TimeSpan.TicksPerMinute;
    private const long TicksPerWeek = TicksPerDay * 7;
    private const long MinTicks = TicksPerDay * 2;
    private static readonly long MaxTicks = DateTime.MaxValue.Ticks - (TicksPerDay * 2);

    private readonly WorkingHours[][] weekly;
    private readonly long businessTicksPerWeek;
    private readonly (int From, int To)[] closedDays;
    private readonly Dictionary<int, WorkingHours[]> specialHours;
    private readonly int[] specialDayNumbers;

    /// <summary>Creates a calendar.</summary>
    /// <param name="id">Stable id that policies refer to.</param>
    /// <param name="name">Display name.</param>
    /// <param name="timeZoneId">IANA time zone id such as "Europe/Berlin" or "UTC".</param>
    /// <param name="weeklyHours">Working intervals per weekday; a missing weekday is not a working day.</param>
    /// <param name="holidays">Closed local dates and date ranges (inclusive).</param>
    /// <param name="specialDays">Per-date hours that replace the weekday's hours and win over holidays.</param>
    /// <exception cref="TimeZoneNotFoundException">When the time zone id is unknown or is not an IANA id.</exception>
    /// <exception cref="ArgumentException">When intervals of one day overlap or the week has no working time.</exception>
    public BusinessCalendar(
        string id,
        string name,
        string timeZoneId,
        IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingHours>> weeklyHours,
        IEnumerable<Holiday>? holidays = null,
        IEnumerable<SpecialDay>? specialDays = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        Id = id;
        Name = string.IsNullOrWhiteSpace(name) ? id : name;
        TimeZone = FindTimeZone(timeZoneId);

        weekly = new WorkingHours[7][];
        var weeklyView = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var hours = weeklyHours.TryGetValue(day, out var list) ? SortAndCheck(list, day.ToString()) : [];
            weekly[(int)day] = hours;
            weeklyView[day] = hours;
            businessTicksPerWeek += hours.Sum(h => (h.EndMinute - h.StartMinute) * TicksPerMinute);
        }

        if (businessTicksPerWeek == 0)
        {
            throw new ArgumentException("A business calendar needs at least one working interval in the week.", nameof(weeklyHours));
        }

        WeeklyHours = weeklyView;

        Holidays = (holidays ?? []).OrderBy(h => h.From).ThenBy(h => h.To).ToArray();
        closedDays = MergeHolidays(Holidays);

        SpecialDays = (specialDays ?? []).OrderBy(s => s.Date).ToArray();
        specialHours = [];
        foreach (var special in SpecialDays)
        {
            if (!specialHours.TryAdd(special.Date.DayNumber, [.. special.Hours]))
            {
                throw new ArgumentException($"The special day {special.Date:yyyy-MM-dd} is given twice.", nameof(specialDays));
            }
        }

        specialDayNumbers = [.. specialHours.Keys.Order()];
    }

    /// <summary>Stable id that policies refer to.</summary>
    public string Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>The time zone working hours and holidays are read in.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Working intervals per weekday, sorted; every weekday is present (possibly with no intervals).</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingHours>> WeeklyHours { get; }

    /// <summary>Holidays sorted by start date.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Special days sorted by date.</summary>
    public IReadOnlyList<SpecialDay> SpecialDays { get; }

    /// <summary>Business time in an ordinary week (no holidays, special days or DST change).</summary>
    public TimeSpan WeeklyBusinessTime => TimeSpan.FromTicks(businessTicksPerWeek);

    /// <summary>True when every weekday is 00:00–24:00 and there are no holidays or special days: business time is wall time.</summary>
    public bool IsAlwaysOpen => businessTicksPerWeek == TicksPerWeek && Holidays.Count == 0 && SpecialDays.Count == 0;

    /// <summary>A calendar where every instant is business time (elapsed business time equals wall time).</summary>
    public static BusinessCalendar TwentyFourSeven(string id = "24x7", string timeZoneId = "UTC", string? name = null) =>
        new(id, name ?? "24×7", timeZoneId, Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => (IReadOnlyList<WorkingHours>)[WorkingHours.AllDay]));

    /// <summary>A Monday-to-Friday calendar with the given "HH:mm-HH:mm" intervals on each weekday.</summary>
    public static BusinessCalendar Weekdays(string id, string timeZoneId, params string[] hours)
    {
        IReadOnlyList<WorkingHours> parsed = [.. hours.Select(WorkingHours.Parse)];
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        return new BusinessCalendar(id, id, timeZoneId, weekdays.ToDictionary(d => d, _ => parsed));
    }

    /// <summary>Builds a calendar from a validated definition.</summary>
    /// <exception cref="SlaDefinitionException">With pointer errors when the definition is invalid.</exception>
    public static BusinessCalendar FromDefinition(BusinessCalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = BusinessCalendarDefinitionValidator.Validate(definition);
        if (errors.Count > 0)
        {
            throw new SlaDefinitionException("business calendar", errors);
        }

        var weeklyHours = new Dictionary<DayOfWeek, IReadOnlyList<WorkingHours>>();
        foreach (var (key, intervals) in definition.WeeklyHours)
        {
            weeklyHours[WeekdayNames.Parse(key)] = [.. intervals.Select(WorkingHours.Parse)];
        }

        var holidays = definition.Holidays.Select(h => !string.IsNullOrEmpty(h.Date)
            ? Holiday.On(ParseDate(h.Date), h.Name)
            : new Holiday(ParseDate(h.From!), ParseDate(h.To!), h.Name));
        var specialDays = definition.SpecialDays.Select(s => new SpecialDay(ParseDate(s.Date), [.. s.Hours.Select(WorkingHours.Parse)], s.Name));
        return new BusinessCalendar(definition.Id, definition.Name, definition.TimeZone, weeklyHours, holidays, specialDays);
    }

    /// <summary>Finds an IANA time zone, with a clear message when it is unknown or is a Windows id.</summary>
    /// <exception cref="TimeZoneNotFoundException">When the id is unknown on this machine or is not an IANA id.</exception>
    public static TimeZoneInfo FindTimeZone(string timeZoneId) =>
        TryFindTimeZone(timeZoneId, out var zone, out var error) ? zone : throw new TimeZoneNotFoundException(error);

    /// <summary>Finds an IANA time zone; on failure <paramref name="error"/> is a plain sentence.</summary>
    public static bool TryFindTimeZone(string? timeZoneId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TimeZoneInfo? zone, out string error)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(timeZoneId))
        {
            error = "A time zone is required, as an IANA id such as 'Europe/Berlin' or 'UTC'.";
            return false;
        }

        TimeZoneInfo found;
        try
        {
            found = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"The time zone '{timeZoneId}' is not known on this machine; use an IANA id such as 'Europe/Berlin', 'America/New_York' or 'UTC'.";
            return false;
        }

        if (!found.HasIanaId)
        {
            error = TimeZoneInfo.TryConvertWindowsIdToIanaId(timeZoneId, out var iana)
                ? $"'{timeZoneId}' is a Windows time zone id; use the IANA id '{iana}' instead."
                : $"'{timeZoneId}' is not an IANA time zone id; use one such as 'Europe/Berlin'.";
            return false;
        }

        zone = found;
        error = string.Empty;
        return true;
    }

    /// <summary>The definition this calendar would be built from (for storage or the API).</summary>
    public BusinessCalendarDefinition ToDefinition() => new()
    {
        Id = Id,
        Name = Name,
        TimeZone = TimeZone.Id,
        WeeklyHours = WeeklyHours
            .Where(p => p.Value.Count > 0)
            .OrderBy(p => ((int)p.Key + 6) % 7)
            .ToDictionary(p => WeekdayNames.Format(p.Key), p => (IReadOnlyList<string>)[.. p.Value.Select(h => h.ToString())]),
        Holidays = [.. Holidays.Select(h => h.From == h.To
            ? new HolidayDefinition { Date = FormatDate(h.From), Name = h.Name }
            : new HolidayDefinition { From = FormatDate(h.From), To = FormatDate(h.To), Name = h.Name })],
        SpecialDays = [.. SpecialDays.Select(s => new SpecialDayDefinition { Date = FormatDate(s.Date), Name = s.Name, Hours = [.. s.Hours.Select(h => h.ToString())] })],
    };

    /// <summary>The working intervals of a local date, after holidays and special days are applied.</summary>
    public IReadOnlyList<WorkingHours> HoursOn(DateOnly date) => HoursOnDay(date.DayNumber);

    /// <summary>The first holiday containing <paramref name="date"/>, or null.</summary>
    public Holiday? HolidayOn(DateOnly date) => Holidays.FirstOrDefault(h => h.Contains(date));

    /// <summary>The special day for <paramref name="date"/>, or null.</summary>
    public SpecialDay? SpecialDayOn(DateOnly date) =>
        specialHours.ContainsKey(date.DayNumber) ? SpecialDays.First(s => s.Date == date) : null;

    /// <summary>The instant as local time in this calendar's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    /// <summary>True when <paramref name="instant"/> is business time.</summary>
    public bool IsBusinessTime(DateTimeOffset instant)
    {
        var utc = CheckedTicks(instant, nameof(instant));
        var local = utc + OffsetAt(utc);
        var day = (int)(local / TicksPerDay);
        var timeOfDay = local - (day * TicksPerDay);
        foreach (var hours in HoursOnDay(day))
        {
            if (timeOfDay >= hours.StartMinute * TicksPerMinute && timeOfDay < hours.EndMinute * TicksPerMinute)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="instant"/> itself when it is business time, otherwise the start of the next stretch of business time (UTC).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When no business time exists before the end of the supported range.</exception>
    public DateTimeOffset NextBusinessInstant(DateTimeOffset instant)
    {
        var cursor = CheckedTicks(instant, nameof(instant));
        while (cursor < MaxTicks)
        {
            var chunk = NextChunk(cursor, OffsetAt(cursor), MaxTicks);
            foreach (var hours in HoursOnDay(chunk.Day))
            {
                if (chunk.Clip(hours, out var start, out _))
                {
                    return ToUtc(start);
                }
            }

            cursor = chunk.End;
        }

        throw new ArgumentOutOfRangeException(nameof(instant), instant, "There is no business time after this instant within the supported date range.");
    }

    /// <summary>
    /// The earliest instant at which exactly <paramref name="duration"/> of business time has elapsed since
    /// <paramref name="start"/> (UTC). A zero duration returns <paramref name="start"/>; when the duration runs out at
    /// the end of a working interval the result is that end (for example 17:00), not the next morning.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the duration is negative or the result is beyond the supported range.</exception>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A business duration cannot be negative.");
        }

        var cursor = CheckedTicks(start, nameof(start));
        var remaining = duration.Ticks;
        if (remaining == 0)
        {
            return ToUtc(cursor);
        }

        while (cursor < MaxTicks)
        {
            var offset = OffsetAt(cursor);
            if (remaining > businessTicksPerWeek && CanSkipWeek(cursor, offset))
            {
                remaining -= businessTicksPerWeek;
                cursor += TicksPerWeek;
                continue;
            }

            var chunk = NextChunk(cursor, offset, MaxTicks);
            foreach (var hours in HoursOnDay(chunk.Day))
            {
                if (chunk.Clip(hours, out var segmentStart, out var segmentEnd))
                {
                    var length = segmentEnd - segmentStart;
                    if (length >= remaining)
                    {
                        return ToUtc(segmentStart + remaining);
                    }

                    remaining -= length;
                }
            }

            cursor = chunk.End;
        }

        throw new ArgumentOutOfRangeException(nameof(duration), duration, $"Adding {duration} of business time to {start:O} goes beyond the supported date range.");
    }

    /// <summary>Business time between two instants (0 when they are equal).</summary>
    /// <exception cref="ArgumentException">When <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var cursor = CheckedTicks(from, nameof(from));
        var end = CheckedTicks(to, nameof(to));
        if (end < cursor)
        {
            throw new ArgumentException($"The end ({to:O}) is before the start ({from:O}).", nameof(to));
        }

        long total = 0;
        while (cursor < end)
        {
            var offset = OffsetAt(cursor);
            if (end - cursor >= TicksPerWeek && CanSkipWeek(cursor, offset))
            {
                total += businessTicksPerWeek;
                cursor += TicksPerWeek;
                continue;
            }

            var chunk = NextChunk(cursor, offset, end);
            foreach (var hours in HoursOnDay(chunk.Day))
            {
                if (chunk.Clip(hours, out var segmentStart, out var segmentEnd))
                {
                    total += segmentEnd - segmentStart;
                }
            }

            cursor = chunk.End;
        }

        return TimeSpan.FromTicks(total);
    }

    /// <summary>
    /// The stretches of business time inside [<paramref name="from"/>, <paramref name="to"/>), in order, with touching
    /// stretches merged (a 24×7 calendar yields one stretch).
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public IEnumerable<BusinessInterval> BusinessIntervals(DateTimeOffset from, DateTimeOffset to)
    {
        var cursor = CheckedTicks(from, nameof(from));
        var end = CheckedTicks(to, nameof(to));
        if (end < cursor)
        {
            throw new ArgumentException($"The end ({to:O}) is before the start ({from:O}).", nameof(to));
        }

        return Enumerate(cursor, end);
    }

    internal static WorkingHours[] SortAndCheck(IReadOnlyList<WorkingHours> hours, string what)
    {
        var sorted = hours.OrderBy(h => h.StartMinute).ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].Overlaps(sorted[i - 1]))
            {
                throw new ArgumentException($"The working intervals {sorted[i - 1]} and {sorted[i]} on {what} overlap.", nameof(hours));
            }
        }

        return sorted;
    }

    internal static DateOnly ParseDate(string text) =>
        DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None);

    internal static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static (int From, int To)[] MergeHolidays(IEnumerable<Holiday> sorted)
    {
        var merged = new List<(int From, int To)>();
        foreach (var holiday in sorted)
        {
            var (from, to) = (holiday.From.DayNumber, holiday.To.DayNumber);
            if (merged.Count > 0 && from <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, to));
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return [.. merged];
    }

    private static DateTimeOffset ToUtc(long ticks) => new(ticks, TimeSpan.Zero);

    private static long CheckedTicks(DateTimeOffset instant, string parameter)
    {
        var ticks = instant.UtcTicks;
        if (ticks < MinTicks || ticks > MaxTicks)
        {
            throw new ArgumentOutOfRangeException(parameter, instant, "The instant is outside the supported range (years 0001 to 9999, two days from each end excluded).");
        }

        return ticks;
    }

    private IEnumerable<BusinessInterval> Enumerate(long cursor, long end)
    {
        long pendingStart = -1;
        long pendingEnd = -1;
        while (cursor < end)
        {
            var chunk = NextChunk(cursor, OffsetAt(cursor), end);
            foreach (var hours in HoursOnDay(chunk.Day))
            {
                if (!chunk.Clip(hours, out var segmentStart, out var segmentEnd))
                {
                    continue;
                }

                if (pendingStart >= 0 && segmentStart == pendingEnd)
                {
                    pendingEnd = segmentEnd;
                    continue;
                }

                if (pendingStart >= 0)
                {
                    yield return new BusinessInterval(ToUtc(pendingStart), ToUtc(pendingEnd));
                }

                (pendingStart, pendingEnd) = (segmentStart, segmentEnd);
            }

            cursor = chunk.End;
        }

        if (pendingStart >= 0)
        {
            yield return new BusinessInterval(ToUtc(pendingStart), ToUtc(pendingEnd));
        }
    }

    private long OffsetAt(long utcTicks) => TimeZone.GetUtcOffset(new DateTime(utcTicks, DateTimeKind.Utc)).Ticks;

    /// <summary>
    /// The next piece of the UTC time line from <paramref name="cursor"/> with one constant offset that stays inside
    /// one local date: it ends at the next local midnight, the next offset change, or <paramref name="limit"/>.
    /// Offset changes are found by bisection to the tick (assumes at most one change per local day, true for tzdata).
    /// </summary>
    private Chunk NextChunk(long cursor, long offset, long limit)
    {
        var local = cursor + offset;
        var nextMidnight = ((local / TicksPerDay) + 1) * TicksPerDay;
        var end = Math.Min(nextMidnight - offset, limit);
        if (OffsetAt(end - 1) != offset)
        {
            var low = cursor;
            var high = end - 1;
            while (high - low > 1)
            {
                var middle = low + ((high - low) / 2);
                if (OffsetAt(middle) == offset)
                {
                    low = middle;
                }
                else
                {
                    high = middle;
                }
            }

            end = high;
        }

        return new Chunk(cursor, end, offset);
    }

    /// <summary>
    /// True when a whole ordinary week starts at <paramref name="cursor"/>: it is local midnight, the next seven dates
    /// have no holiday or special day, and the offset does not change during the week.
    /// </summary>
    private bool CanSkipWeek(long cursor, long offset)
    {
        var local = cursor + offset;
        if (local % TicksPerDay != 0 || cursor + TicksPerWeek > MaxTicks)
        {
            return false;
        }

        var day = (int)(local / TicksPerDay);
        if (HasExceptionsBetween(day, day + 6))
        {
            return false;
        }

        for (var k = 1; k <= 7; k++)
        {
            if (OffsetAt(cursor + (k * TicksPerDay) - 1) != offset)
            {
                return false;
            }
        }

        return true;
    }

    private WorkingHours[] HoursOnDay(int dayNumber)
    {
        if (specialHours.Count > 0 && specialHours.TryGetValue(dayNumber, out var special))
        {
            return special;
        }

        if (IsClosed(dayNumber))
        {
            return [];
        }

        // Day number 0 (0001-01-01) was a Monday; DayOfWeek counts Sunday as 0.
        return weekly[(dayNumber + 1) % 7];
    }

    private bool IsClosed(int dayNumber)
    {
        var low = 0;
        var high = closedDays.Length - 1;
        var found = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (closedDays[middle].From <= dayNumber)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found >= 0 && closedDays[found].To >= dayNumber;
    }

    private bool HasExceptionsBetween(int fromDay, int toDay)
    {
        // Merged holiday ranges are disjoint and sorted, so their ends are sorted too.
        var low = 0;
        var high = closedDays.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (closedDays[middle].To < fromDay)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        if (low < closedDays.Length && closedDays[low].From <= toDay)
        {
            return true;
        }

        var index = Array.BinarySearch(specialDayNumbers, fromDay);
        if (index < 0)
        {
            index = ~index;
        }

        return index < specialDayNumbers.Length && specialDayNumbers[index] <= toDay;
    }

    /// <summary>A piece of the UTC time line [Start, End) with one offset, inside one local date.</summary>
    private readonly record struct Chunk(long Start, long End, long Offset)
    {
        public int Day => (int)((Start + Offset) / TicksPerDay);

        /// <summary>Intersects a working interval of <see cref="Day"/> with this chunk; returns UTC ticks.</summary>
        public bool Clip(WorkingHours hours, out long start, out long end)
        {
            var dayStart = Day * TicksPerDay;
            var localStart = Math.Max(dayStart + (hours.StartMinute * TicksPerMinute), Start + Offset);
            var localEnd = Math.Min(dayStart + (hours.EndMinute * TicksPerMinute), End + Offset);
            start = localStart - Offset;
            end = localEnd - Offset;
            return localStart < localEnd;
        }
    }
}
