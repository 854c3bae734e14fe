using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Tests.Sla.Support;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>Business-time arithmetic on a Berlin office calendar (08:00–12:00, 13:00–17:00, Mon–Fri) in January, when Berlin is UTC+01:00.</summary>
public sealed class BusinessCalendarArithmeticTests
{
    [Fact]
    public void Adding_within_a_day_skips_the_lunch_break()
    {
        var calendar = Calendars.BerlinOffice();

        // Mon 09:00 + 4 h = 09:00–12:00 (3 h) + 13:00–14:00 (1 h).
        Assert.Equal(Cet("2025-01-06 14:00"), calendar.AddBusinessTime(Cet("2025-01-06 09:00"), H(4)));
        Assert.Equal(H(4), calendar.BusinessTimeBetween(Cet("2025-01-06 09:00"), Cet("2025-01-06 14:00")));
    }

    [Fact]
    public void Results_are_utc_whatever_offset_the_input_has()
    {
        var calendar = Calendars.BerlinOffice();

        var result = calendar.AddBusinessTime(Cet("2025-01-06 09:00"), H(1));

        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.Equal(Utc("2025-01-06 09:00"), result);
    }

    [Fact]
    public void A_duration_that_runs_out_at_the_end_of_an_interval_ends_there_not_at_the_next_start()
    {
        var calendar = Calendars.BerlinOffice();

        Assert.Equal(Cet("2025-01-06 12:00"), calendar.AddBusinessTime(Cet("2025-01-06 09:00"), H(3)));
        Assert.Equal(Cet("2025-01-10 17:00"), calendar.AddBusinessTime(Cet("2025-01-10 13:00"), H(4)));
    }

    [Fact]
    public void Adding_zero_returns_the_start_even_outside_business_hours()
    {
        var calendar = Calendars.BerlinOffice();

        Assert.Equal(Cet("2025-01-11 10:00"), calendar.AddBusinessTime(Cet("2025-01-11 10:00"), TimeSpan.Zero));
    }

    [Fact]
    public void Adding_over_a_weekend_continues_on_monday()
    {
        var calendar = Calendars.BerlinOffice();

        // Fri 16:00–17:00 (1 h), then Mon 08:00–09:00 (1 h).
        Assert.Equal(Cet("2025-01-13 09:00"), calendar.AddBusinessTime(Cet("2025-01-10 16:00"), H(2)));
        Assert.Equal(H(2), calendar.BusinessTimeBetween(Cet("2025-01-10 16:00"), Cet("2025-01-13 09:00")));
    }

    [Fact]
    public void Starting_on_a_weekend_or_in_the_lunch_break_counts_from_the_next_working_minute()
    {
        var calendar = Calendars.BerlinOffice();

        Assert.Equal(Cet("2025-01-13 09:00"), calendar.AddBusinessTime(Cet("2025-01-11 10:00"), H(1)));
        Assert.Equal(Cet("2025-01-06 13:30"), calendar.AddBusinessTime(Cet("2025-01-06 12:30"), Min(30)));
    }

    [Fact]
    public void Is_business_time_follows_the_intervals_with_half_open_ends()
    {
        var calendar = Calendars.BerlinOffice();

        Assert.True(calendar.IsBusinessTime(Cet("2025-01-06 08:00")));
        Assert.True(calendar.IsBusinessTime(Cet("2025-01-06 11:59")));
        Assert.False(calendar.IsBusinessTime(Cet("2025-01-06 12:00")));
        Assert.False(calendar.IsBusinessTime(Cet("2025-01-06 12:59:59")));
        Assert.True(calendar.IsBusinessTime(Cet("2025-01-06 13:00")));
        Assert.False(calendar.IsBusinessTime(Cet("2025-01-06 17:00")));
        Assert.False(calendar.IsBusinessTime(Cet("2025-01-11 10:00")));
    }

    [Fact]
    public void Next_business_instant_is_the_instant_itself_or_the_next_interval_start()
    {
        var calendar = Calendars.BerlinOffice();

        Assert.Equal(Cet("2025-01-06 10:00"), calendar.NextBusinessInstant(Cet("2025-01-06 10:00")));
        Assert.Equal(Cet("2025-01-06 13:00"), calendar.NextBusinessInstant(Cet("2025-01-06 12:15")));
        Assert.Equal(Cet("2025-01-13 08:00"), calendar.NextBusinessInstant(Cet("2025-01-10 17:00")));
    }

    [Fact]
    public void A_single_holiday_is_skipped()
    {
        var calendar = Calendars.BerlinOffice(holidays: [new HolidayDefinition { Date = "2025-01-06", Name = "Epiphany" }]);

        // Fri 3 Jan 16:00–17:00, Mon 6 Jan is a holiday, Tue 7 Jan 08:00–09:00.
        Assert.Equal(Cet("2025-01-07 09:00"), calendar.AddBusinessTime(Cet("2025-01-03 16:00"), H(2)));
        Assert.False(calendar.IsBusinessTime(Cet("2025-01-06 10:00")));
        Assert.Equal(Cet("2025-01-07 08:00"), calendar.NextBusinessInstant(Cet("2025-01-06 10:00")));
    }

    [Fact]
    public void A_holiday_range_is_inclusive_at_both_ends()
    {
        var calendar = Calendars.BerlinOffice(holidays: [new HolidayDefinition { From = "2025-12-24", To = "2025-12-26", Name = "Christmas" }]);

        // Tue 23 Dec 16:00–17:00; Wed 24 – Fri 26 closed; weekend; Mon 29 Dec 08:00–09:00.
        Assert.Equal(Cet("2025-12-29 09:00"), calendar.AddBusinessTime(Cet("2025-12-23 16:00"), H(2)));
        Assert.Equal(H(16), calendar.BusinessTimeBetween(Cet("2025-12-22 08:00"), Cet("2025-12-29 08:00")));
        Assert.False(calendar.IsBusinessTime(Cet("2025-12-26 16:59")));
        Assert.True(calendar.IsBusinessTime(Cet("2025-12-29 08:00")));
    }

    [Fact]
    public void A_special_half_day_replaces_the_weekday_hours_and_wins_over_a_holiday()
    {
        var calendar = Calendars.BerlinOffice(
            holidays: [new HolidayDefinition { From = "2025-12-24", To = "2025-12-26" }],
            specialDays: [new SpecialDayDefinition { Date = "2025-12-24", Hours = ["08:00-12:00"], Name = "Christmas Eve" }]);

        // Tue 23 Dec 16:00–17:00 (1 h) + Wed 24 Dec 08:00–12:00 (4 h).
        Assert.Equal(Cet("2025-12-24 12:00"), calendar.AddBusinessTime(Cet("2025-12-23 16:00"), H(5)));
        Assert.Equal(Cet("2025-12-29 09:00"), calendar.AddBusinessTime(Cet("2025-12-23 16:00"), H(6)));
        Assert.Equal(["08:00-12:00"], calendar.HoursOn(new DateOnly(2025, 12, 24)).Select(h => h.ToString()));
        Assert.Empty(calendar.HoursOn(new DateOnly(2025, 12, 25)));
    }

    [Fact]
    public void Several_intervals_per_day_are_walked_in_order()
    {
        Zones.Require(Zones.Berlin);
        var calendar = BusinessCalendar.Weekdays("split", Zones.Berlin, "13:00-17:00", "08:00-10:00", "10:30-12:00");

        // Mon 09:00–10:00 (1 h) + 10:30–11:30 (1 h).
        Assert.Equal(Cet("2025-01-06 11:30"), calendar.AddBusinessTime(Cet("2025-01-06 09:00"), H(2)));
        Assert.Equal(H(7.5), calendar.BusinessTimeBetween(Cet("2025-01-06 00:00"), Cet("2025-01-07 00:00")));
        Assert.Equal(
            [
                new BusinessInterval(Cet("2025-01-06 08:00"), Cet("2025-01-06 10:00")),
                new BusinessInterval(Cet("2025-01-06 10:30"), Cet("2025-01-06 12:00")),
                new BusinessInterval(Cet("2025-01-06 13:00"), Cet("2025-01-06 17:00")),
            ],
            calendar.BusinessIntervals(Cet("2025-01-06 00:00"), Cet("2025-01-07 00:00")));
    }

    [Fact]
    public void Touching_intervals_merge_and_a_24x7_calendar_counts_wall_time()
    {
        var calendar = Calendars.TwentyFourSeven(Zones.Berlin);
        var start = Utc("2025-01-06 09:17:23");

        Assert.True(calendar.IsAlwaysOpen);
        Assert.Equal(start + H(100), calendar.AddBusinessTime(start, H(100)));
        Assert.Equal(H(1000), calendar.BusinessTimeBetween(start, start + H(1000)));
        Assert.Equal([new BusinessInterval(start, start + H(72))], calendar.BusinessIntervals(start, start + H(72)));
    }

    [Fact]
    public void A_thousand_business_hours_is_25_working_weeks_and_round_trips()
    {
        var calendar = Calendars.BerlinOffice();
        var start = Cet("2025-01-06 08:00");

        var end = calendar.AddBusinessTime(start, H(1000));

        // 25 weeks of 40 h: the last one ends on Fri 27 Jun 17:00 summer time (the span crosses the March DST change).
        Assert.Equal(Cest("2025-06-27 17:00"), end);
        Assert.Equal(H(1000), calendar.BusinessTimeBetween(start, end));
    }

    [Fact]
    public void Ten_years_of_business_time_is_computed_without_walking_minutes()
    {
        var calendar = Calendars.BerlinOffice();
        var start = Cet("2025-01-06 08:00");
        var tenYears = H(40 * 52 * 10);

        var end = calendar.AddBusinessTime(start, tenYears);

        Assert.Equal(tenYears, calendar.BusinessTimeBetween(start, end));
        Assert.Equal(DayOfWeek.Friday, calendar.ToLocal(end).DayOfWeek);
    }

    [Fact]
    public void Negative_durations_and_reversed_spans_are_rejected_with_clear_messages()
    {
        var calendar = Calendars.BerlinOffice();

        var negative = Assert.Throws<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(Cet("2025-01-06 08:00"), H(-1)));
        Assert.Contains("cannot be negative", negative.Message, StringComparison.Ordinal);
        var reversed = Assert.Throws<ArgumentException>(() => calendar.BusinessTimeBetween(Cet("2025-01-06 09:00"), Cet("2025-01-06 08:00")));
        Assert.Contains("before the start", reversed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_id_fails_with_a_message_naming_it()
    {
        var error = Assert.Throws<TimeZoneNotFoundException>(() => BusinessCalendar.TwentyFourSeven("x", "Mars/Olympus_Mons"));

        Assert.Contains("'Mars/Olympus_Mons' is not known on this machine", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlapping_intervals_are_rejected_by_the_constructor()
    {
        var error = Assert.Throws<ArgumentException>(() => BusinessCalendar.Weekdays("x", "UTC", "08:00-12:00", "11:00-13:00"));

        Assert.Contains("08:00-12:00 and 11:00-13:00", error.Message, StringComparison.Ordinal);
    }
}
