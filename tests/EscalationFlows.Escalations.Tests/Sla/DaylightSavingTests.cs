using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Tests.Sla.Support;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>
/// Both DST changes in Europe/Berlin (2025-03-30 02:00 → 03:00; 2025-10-26 03:00 → 02:00) and America/New_York
/// (2025-03-09 02:00 → 03:00; 2025-11-02 02:00 → 01:00). Expected instants are written with explicit offsets.
/// </summary>
public sealed class DaylightSavingTests
{
    [Fact]
    public void The_machine_knows_both_zones_and_their_2025_transitions()
    {
        Zones.Require(Zones.Berlin);
        Zones.Require(Zones.NewYork);
        var berlin = BusinessCalendar.FindTimeZone(Zones.Berlin);
        var newYork = BusinessCalendar.FindTimeZone(Zones.NewYork);

        Assert.Equal(H(1), berlin.GetUtcOffset(Utc("2025-03-30 00:59")));
        Assert.Equal(H(2), berlin.GetUtcOffset(Utc("2025-03-30 01:00")));
        Assert.Equal(H(2), berlin.GetUtcOffset(Utc("2025-10-26 00:59")));
        Assert.Equal(H(1), berlin.GetUtcOffset(Utc("2025-10-26 01:00")));
        Assert.Equal(H(-5), newYork.GetUtcOffset(Utc("2025-03-09 06:59")));
        Assert.Equal(H(-4), newYork.GetUtcOffset(Utc("2025-03-09 07:00")));
        Assert.Equal(H(-4), newYork.GetUtcOffset(Utc("2025-11-02 05:59")));
        Assert.Equal(H(-5), newYork.GetUtcOffset(Utc("2025-11-02 06:00")));
    }

    [Theory]
    [InlineData(Zones.Berlin, "2025-03-29 23:00", "2025-03-30 22:00", 23)]
    [InlineData(Zones.Berlin, "2025-10-25 22:00", "2025-10-26 23:00", 25)]
    [InlineData(Zones.NewYork, "2025-03-09 05:00", "2025-03-10 04:00", 23)]
    [InlineData(Zones.NewYork, "2025-11-02 04:00", "2025-11-03 05:00", 25)]
    public void A_24x7_calendar_counts_the_short_and_the_long_local_day_as_wall_time(string zone, string localMidnightUtc, string nextLocalMidnightUtc, int hours)
    {
        var calendar = Calendars.TwentyFourSeven(zone);
        var from = Utc(localMidnightUtc);
        var to = Utc(nextLocalMidnightUtc);

        Assert.Equal(0, calendar.ToLocal(from).Hour);
        Assert.Equal(0, calendar.ToLocal(to).Hour);
        Assert.Equal(H(hours), calendar.BusinessTimeBetween(from, to));
        Assert.Equal(to, calendar.AddBusinessTime(from, H(hours)));
    }

    [Fact]
    public void Berlin_spring_the_working_hour_that_does_not_exist_is_not_counted()
    {
        // Every day 01:00–05:00 local. On 30 March 02:00–03:00 does not exist: 01:00–02:00 CET + 03:00–05:00 CEST = 3 h,
        // which is the contiguous UTC span 00:00–03:00.
        var calendar = Calendars.EveryDay(Zones.Berlin, "01:00-05:00");

        Assert.Equal(H(3), calendar.BusinessTimeBetween(Utc("2025-03-29 12:00"), Utc("2025-03-30 12:00")));
        Assert.Equal([new BusinessInterval(Cet("2025-03-30 01:00"), Cest("2025-03-30 05:00"))], calendar.BusinessIntervals(Utc("2025-03-29 12:00"), Utc("2025-03-30 12:00")));
        Assert.Equal(Cest("2025-03-30 03:30"), calendar.AddBusinessTime(Cet("2025-03-30 01:30"), H(1)));
        Assert.True(calendar.IsBusinessTime(Cest("2025-03-30 03:00")));
        Assert.Equal(Cest("2025-03-30 05:00"), calendar.AddBusinessTime(Cet("2025-03-30 01:00"), H(3)));
        Assert.Equal(Cest("2025-03-31 01:30"), calendar.AddBusinessTime(Cet("2025-03-30 01:00"), H(3.5)));
    }

    [Fact]
    public void Berlin_autumn_the_repeated_working_hour_counts_twice()
    {
        // Every day 01:00–05:00 local. On 26 October 02:00–03:00 happens twice (CEST, then CET): 5 h, UTC 23:00–04:00.
        var calendar = Calendars.EveryDay(Zones.Berlin, "01:00-05:00");

        Assert.Equal(H(5), calendar.BusinessTimeBetween(Utc("2025-10-25 12:00"), Utc("2025-10-26 12:00")));
        Assert.Equal([new BusinessInterval(Cest("2025-10-26 01:00"), Cet("2025-10-26 05:00"))], calendar.BusinessIntervals(Utc("2025-10-25 12:00"), Utc("2025-10-26 12:00")));
        Assert.True(calendar.IsBusinessTime(Cest("2025-10-26 02:30")));
        Assert.True(calendar.IsBusinessTime(Cet("2025-10-26 02:30")));
        Assert.Equal(Cet("2025-10-26 02:30"), calendar.AddBusinessTime(Cest("2025-10-26 02:30"), H(1)));
        Assert.Equal(Cet("2025-10-26 05:00"), calendar.AddBusinessTime(Cest("2025-10-26 01:00"), H(5)));
    }

    [Fact]
    public void Berlin_office_hours_across_both_dst_weekends_use_the_right_offsets()
    {
        var calendar = Calendars.BerlinOffice();

        // Fri 16:00 CET → Mon 09:00 CEST: 1 h + 1 h, although the wall time is 64 h, not 65 h.
        Assert.Equal(H(2), calendar.BusinessTimeBetween(Cet("2025-03-28 16:00"), Cest("2025-03-31 09:00")));
        Assert.Equal(Cest("2025-03-31 09:00"), calendar.AddBusinessTime(Cet("2025-03-28 16:00"), H(2)));
        Assert.Equal(Cest("2025-03-31 08:00"), calendar.NextBusinessInstant(Cet("2025-03-28 17:00")));

        // Fri 16:00 CEST → Mon 09:00 CET.
        Assert.Equal(H(2), calendar.BusinessTimeBetween(Cest("2025-10-24 16:00"), Cet("2025-10-27 09:00")));
        Assert.Equal(Cet("2025-10-27 09:00"), calendar.AddBusinessTime(Cest("2025-10-24 16:00"), H(2)));
    }

    [Fact]
    public void New_york_spring_the_working_hour_that_does_not_exist_is_not_counted()
    {
        // Every day 00:00–04:00 local. On 9 March 02:00–03:00 does not exist: 00:00–02:00 EST + 03:00–04:00 EDT = 3 h.
        var calendar = Calendars.EveryDay(Zones.NewYork, "00:00-04:00");

        Assert.Equal(H(3), calendar.BusinessTimeBetween(Est("2025-03-08 12:00"), Edt("2025-03-09 12:00")));
        Assert.Equal(Edt("2025-03-09 03:30"), calendar.AddBusinessTime(Est("2025-03-09 01:30"), H(1)));
        Assert.Equal(Edt("2025-03-09 04:00"), calendar.AddBusinessTime(Est("2025-03-09 00:00"), H(3)));
        Assert.Equal(Edt("2025-03-10 00:30"), calendar.AddBusinessTime(Est("2025-03-09 00:00"), H(3.5)));
    }

    [Fact]
    public void New_york_autumn_the_repeated_working_hour_counts_twice()
    {
        // Every day 00:00–04:00 local. On 2 November 01:00–02:00 happens twice (EDT, then EST): 5 h.
        var calendar = Calendars.EveryDay(Zones.NewYork, "00:00-04:00");

        Assert.Equal(H(5), calendar.BusinessTimeBetween(Edt("2025-11-01 12:00"), Est("2025-11-02 12:00")));
        Assert.True(calendar.IsBusinessTime(Edt("2025-11-02 01:30")));
        Assert.True(calendar.IsBusinessTime(Est("2025-11-02 01:30")));
        Assert.Equal(Est("2025-11-02 01:30"), calendar.AddBusinessTime(Edt("2025-11-02 01:30"), H(1)));
        Assert.Equal(Est("2025-11-02 04:00"), calendar.AddBusinessTime(Edt("2025-11-02 00:00"), H(5)));
    }

    [Fact]
    public void New_york_office_hours_across_both_dst_weekends_use_the_right_offsets()
    {
        Zones.Require(Zones.NewYork);
        var calendar = BusinessCalendar.Weekdays("nyc", Zones.NewYork, "09:00-17:00");

        Assert.Equal(H(2), calendar.BusinessTimeBetween(Est("2025-03-07 16:00"), Edt("2025-03-10 10:00")));
        Assert.Equal(Edt("2025-03-10 10:00"), calendar.AddBusinessTime(Est("2025-03-07 16:00"), H(2)));
        Assert.Equal(H(2), calendar.BusinessTimeBetween(Edt("2025-10-31 16:00"), Est("2025-11-03 10:00")));
        Assert.Equal(Est("2025-11-03 10:00"), calendar.AddBusinessTime(Edt("2025-10-31 16:00"), H(2)));
    }

    [Fact]
    public void The_same_instant_is_business_time_in_one_zone_and_not_in_the_other()
    {
        Zones.Require(Zones.Berlin);
        Zones.Require(Zones.NewYork);
        var berlin = BusinessCalendar.Weekdays("berlin", Zones.Berlin, "09:00-17:00");
        var newYork = BusinessCalendar.Weekdays("nyc", Zones.NewYork, "09:00-17:00");
        var instant = Utc("2025-01-06 15:30");

        Assert.True(berlin.IsBusinessTime(instant));
        Assert.True(newYork.IsBusinessTime(instant));
        Assert.False(berlin.IsBusinessTime(instant + H(1)));
        Assert.True(newYork.IsBusinessTime(instant + H(1)));

        // Between 9 March (US already on summer time) and 30 March (Berlin not yet), the zones are 5 h apart, not 6.
        Assert.Equal(Edt("2025-03-17 09:00"), newYork.NextBusinessInstant(Cet("2025-03-17 13:00")));
        Assert.Equal(Utc("2025-03-17 13:00"), Edt("2025-03-17 09:00"));
    }
}
