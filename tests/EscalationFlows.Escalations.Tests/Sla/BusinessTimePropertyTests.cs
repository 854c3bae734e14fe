using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Tests.Sla.Support;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>
/// Property-style checks over random spans in 2025 (both DST changes included), with a fixed seed so a failure
/// reproduces: AddBusinessTime and BusinessTimeBetween are inverse, additive, and agree with a naive minute-by-minute
/// reference that shares no code with the calendar.
/// </summary>
public sealed class BusinessTimePropertyTests
{
    private const int Seed = 20250330;
    private static readonly DateTimeOffset YearStart = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Specs => [.. CalendarSpec.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(Specs))]
    public void Adding_then_measuring_gives_back_the_duration(string spec)
    {
        var calendar = CalendarSpec.Get(spec).Build();
        var random = new Random(Seed);
        for (var i = 0; i < 300; i++)
        {
            var start = YearStart + TimeSpan.FromSeconds(random.NextInt64(0, 365L * 24 * 3600));
            var duration = TimeSpan.FromSeconds(random.NextInt64(0, 2000L * 3600));

            var end = calendar.AddBusinessTime(start, duration);

            Assert.True(end >= start, $"seed {Seed}, case {i}: {start:O} + {duration} gave {end:O}");
            Assert.True(calendar.BusinessTimeBetween(start, end) == duration, $"seed {Seed}, case {i}: between({start:O}, {end:O}) = {calendar.BusinessTimeBetween(start, end)}, added {duration}");
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Measuring_then_adding_gives_the_earliest_instant_with_that_much_business_time(string spec)
    {
        var calendar = CalendarSpec.Get(spec).Build();
        var random = new Random(Seed + 1);
        for (var i = 0; i < 300; i++)
        {
            var start = YearStart + TimeSpan.FromSeconds(random.NextInt64(0, 365L * 24 * 3600));
            var end = start + TimeSpan.FromSeconds(random.NextInt64(0, 90L * 24 * 3600));
            var middle = start + ((end - start) * random.NextDouble());

            var measured = calendar.BusinessTimeBetween(start, end);
            var earliest = calendar.AddBusinessTime(start, measured);

            var context = $"seed {Seed + 1}, case {i}: {start:O} → {end:O}";
            Assert.True(earliest <= end, context);
            Assert.True(calendar.BusinessTimeBetween(earliest, end) == TimeSpan.Zero, context);
            Assert.True(calendar.BusinessTimeBetween(start, middle) + calendar.BusinessTimeBetween(middle, end) == measured, context);
            Assert.True(calendar.BusinessIntervals(start, end).Aggregate(TimeSpan.Zero, (sum, b) => sum + b.Duration) == measured, context);
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Calendar_arithmetic_agrees_with_a_minute_by_minute_reference(string spec)
    {
        var definition = CalendarSpec.Get(spec);
        var calendar = definition.Build();
        var random = new Random(Seed + 2);
        var starts = Enumerable.Range(0, 40).Select(_ => YearStart + TimeSpan.FromMinutes(random.NextInt64(0, 365L * 24 * 60))).ToList();

        // Always include the four DST weekends of both zones.
        starts.AddRange([Utc(2025, 3, 8), Utc(2025, 3, 29), Utc(2025, 10, 25), Utc(2025, 11, 1)]);
        foreach (var start in starts)
        {
            var minutes = (int)random.NextInt64(1, 4 * 24 * 60);
            var end = start + TimeSpan.FromMinutes(minutes);
            var expected = 0;
            DateTimeOffset? firstBusinessMinute = null;
            for (var m = 0; m < minutes; m++)
            {
                if (definition.IsBusinessMinute(start + TimeSpan.FromMinutes(m)))
                {
                    expected++;
                    firstBusinessMinute ??= start + TimeSpan.FromMinutes(m);
                }
            }

            var context = $"{spec}: {start:O} + {minutes} min";
            Assert.True(TimeSpan.FromMinutes(expected) == calendar.BusinessTimeBetween(start, end), $"{context}: reference {expected} min, calendar {calendar.BusinessTimeBetween(start, end)}");
            Assert.Equal(definition.IsBusinessMinute(start), calendar.IsBusinessTime(start));
            if (firstBusinessMinute is { } first)
            {
                Assert.True(first == calendar.NextBusinessInstant(start), context);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void Long_spans_across_both_dst_changes_agree_with_the_reference(string spec)
    {
        var definition = CalendarSpec.Get(spec);
        var calendar = definition.Build();
        foreach (var (start, end) in new[] { (Utc(2025, 3, 1), Utc(2025, 4, 15)), (Utc(2025, 10, 10), Utc(2025, 11, 20)) })
        {
            var expected = 0;
            for (var m = start; m < end; m += TimeSpan.FromMinutes(1))
            {
                expected += definition.IsBusinessMinute(m) ? 1 : 0;
            }

            Assert.Equal(TimeSpan.FromMinutes(expected), calendar.BusinessTimeBetween(start, end));
            var reached = calendar.AddBusinessTime(start, TimeSpan.FromMinutes(expected));
            Assert.True(reached <= end);
            Assert.Equal(TimeSpan.Zero, calendar.BusinessTimeBetween(reached, end));
        }
    }

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A calendar written twice: once as a definition, once as plain data for the naive reference.</summary>
    private sealed record CalendarSpec(
        string Name,
        string Zone,
        Dictionary<DayOfWeek, (int Start, int End)[]> Weekly,
        HashSet<DateOnly> Holidays,
        Dictionary<DateOnly, (int Start, int End)[]> Special)
    {
        public static readonly CalendarSpec[] All =
        [
            new(
                "berlin-office-with-holidays",
                Zones.Berlin,
                Weekdays([(8 * 60, 12 * 60), (13 * 60, 17 * 60)]),
                [new DateOnly(2025, 1, 6), new DateOnly(2025, 12, 24), new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)],
                new() { [new DateOnly(2025, 12, 23)] = [(8 * 60, 12 * 60)] }),
            new(
                "new-york-with-weekend-nights",
                Zones.NewYork,
                new(Weekdays([(9 * 60, 17 * 60)]))
                {
                    [DayOfWeek.Saturday] = [(0, 4 * 60)],
                    [DayOfWeek.Sunday] = [(0, 4 * 60), (22 * 60, 24 * 60)],
                },
                [new DateOnly(2025, 7, 4), new DateOnly(2025, 11, 27)],
                []),
            new("berlin-nights", Zones.Berlin, AllDays([(60, 5 * 60)]), [], []),
            new("berlin-24x7", Zones.Berlin, AllDays([(0, 24 * 60)]), [], []),
        ];

        private TimeZoneInfo? zone;

        public static CalendarSpec Get(string name) => All.Single(s => s.Name == name);

        public BusinessCalendar Build()
        {
            Zones.Require(Zone);
            return BusinessCalendar.FromDefinition(new BusinessCalendarDefinition
            {
                Id = Name,
                Name = Name,
                TimeZone = Zone,
                WeeklyHours = Weekly.ToDictionary(p => p.Key.ToString().ToLowerInvariant(), p => (IReadOnlyList<string>)[.. p.Value.Select(Format)]),
                Holidays = [.. Holidays.Select(d => new HolidayDefinition { Date = d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })],
                SpecialDays = [.. Special.Select(p => new SpecialDayDefinition { Date = p.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Hours = [.. p.Value.Select(Format)] })],
            });
        }

        /// <summary>The naive rule: convert the UTC minute to local time and look the local date and minute up.</summary>
        public bool IsBusinessMinute(DateTimeOffset utc)
        {
            zone ??= TimeZoneInfo.FindSystemTimeZoneById(Zone);
            var local = TimeZoneInfo.ConvertTimeFromUtc(utc.UtcDateTime, zone);
            var date = DateOnly.FromDateTime(local);
            var minute = (local.Hour * 60) + local.Minute;
            var hours = Special.TryGetValue(date, out var special) ? special
                : Holidays.Contains(date) ? []
                : Weekly.GetValueOrDefault(local.DayOfWeek, []);
            return hours.Any(h => minute >= h.Start && minute < h.End);
        }

        private static Dictionary<DayOfWeek, (int Start, int End)[]> Weekdays((int, int)[] hours) =>
            new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.ToDictionary(d => d, _ => hours);

        private static Dictionary<DayOfWeek, (int Start, int End)[]> AllDays((int, int)[] hours) =>
            Enum.GetValues<DayOfWeek>().ToDictionary(d => d, _ => hours);

        private static string Format((int Start, int End) h) => $"{h.Start / 60:00}:{h.Start % 60:00}-{h.End / 60:00}:{h.End % 60:00}";
    }
}
