using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Tests.Sla.Support;
using Microsoft.Extensions.Time.Testing;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>The clock's ledger, queries and explanations on the shipped business-hours calendar (Mon–Fri 09:00–17:00) in Berlin.</summary>
public sealed class SlaClockLedgerTests
{
    [Fact]
    public void A_paused_and_resumed_clock_explains_every_counted_minute()
    {
        var clock = PausedOnceClock();
        var now = Cet("2025-01-07 10:00");

        var explanation = clock.Explain(now);

        Assert.Equal(
            [
                "Mon 2025-01-06 09:00 resolution clock started: target 8 h 0 min",
                "Mon 2025-01-06 09:00–12:00 running: 3 h 0 min counted",
                "Mon 2025-01-06 12:00–14:10 paused awaiting client: 2 h 10 min not counted",
                "Mon 2025-01-06 14:10–17:00 running: 2 h 50 min counted",
                "Mon 2025-01-06 17:00 – Tue 2025-01-07 09:00 outside business hours: 16 h 0 min not counted",
                "Tue 2025-01-07 09:00–10:00 running: 1 h 0 min counted",
            ],
            explanation.Lines.Select(l => l.Text));
        Assert.Equal(
            "Resolution SLA running: 6 h 50 min of 8 h 0 min counted (85 %), 1 h 10 min left; paused 2 h 10 min awaiting client; breach expected Tue 2025-01-07 11:10 (Europe/Berlin).",
            explanation.Summary);
        Assert.Equal(clock.Elapsed(now), explanation.Counted);
        Assert.Equal(explanation.Counted, new TimeSpan(explanation.Lines.Sum(l => l.Counted.Ticks)));
    }

    [Fact]
    public void Queries_give_elapsed_percentage_remaining_state_and_predicted_breach()
    {
        var clock = PausedOnceClock();
        var now = Cet("2025-01-07 10:00");

        var snapshot = clock.Snapshot(now);

        Assert.Equal(SlaClockStatus.Running, snapshot.Status);
        Assert.Equal(H(6) + Min(50), snapshot.Elapsed);
        Assert.Equal(H(1) + Min(10), snapshot.Remaining);
        Assert.Equal(TimeSpan.Zero, snapshot.Overrun);
        Assert.Equal(410 * 100.0 / 480, snapshot.ElapsedPercent, 9);
        Assert.Equal(Cet("2025-01-07 11:10"), snapshot.PredictedBreachAt);
        Assert.Null(snapshot.BreachedAt);
        Assert.Equal([new SlaPauseTotal("awaiting client", H(2) + Min(10), H(2) + Min(10))], snapshot.Pauses);
        Assert.Equal(Cet("2025-01-07 11:10"), clock.PredictedBreachAt(now));
        Assert.Equal(clock.Elapsed(now), snapshot.Elapsed);
        Assert.Equal(clock.Remaining(now), snapshot.Remaining);
        Assert.Equal(clock.ElapsedPercent(now), snapshot.ElapsedPercent);
    }

    [Fact]
    public void While_paused_the_clock_reports_paused_with_no_predicted_breach()
    {
        var clock = PausedOnceClock();

        var snapshot = clock.Snapshot(Cet("2025-01-06 13:00"));

        Assert.Equal(SlaClockStatus.Paused, snapshot.Status);
        Assert.True(snapshot.IsPaused);
        Assert.Equal("awaiting client", snapshot.PauseReason);
        Assert.Equal(H(3), snapshot.Elapsed);
        Assert.Null(snapshot.PredictedBreachAt);
        Assert.Equal("paused 1 h 0 min awaiting client", SlaText.Pause(snapshot.Pauses[0].Reason, snapshot.Pauses[0].WallTime));
    }

    [Fact]
    public void A_pause_over_a_weekend_says_how_much_business_time_it_held_back()
    {
        var clock = NewClock(H(8));
        clock.Start(Cet("2025-01-10 15:00"));
        clock.Pause("awaiting client", Cet("2025-01-10 16:00"));
        clock.Resume(Cet("2025-01-13 10:00"));

        var lines = clock.Explain(Cet("2025-01-13 11:00")).Lines.Select(l => l.Text).ToList();

        Assert.Contains("Fri 2025-01-10 16:00 – Mon 2025-01-13 10:00 paused awaiting client: 66 h 0 min, of which 2 h 0 min business time, not counted", lines);
        Assert.Equal(H(2), clock.Elapsed(Cet("2025-01-13 11:00")));
    }

    [Fact]
    public void Weekends_and_holidays_inside_a_running_span_are_named()
    {
        var calendar = Calendars.BerlinOffice(holidays: [new Escalations.Sla.Calendars.HolidayDefinition { Date = "2025-01-13", Name = "Company day" }]);
        var clock = new SlaClock("INC1", SlaMetric.Resolution, H(16), calendar);
        clock.Start(Cet("2025-01-10 16:00"));

        var lines = clock.Explain(Cet("2025-01-14 09:00")).Lines.Select(l => l.Text).ToList();

        Assert.Equal(
            [
                "Fri 2025-01-10 16:00 resolution clock started: target 16 h 0 min",
                "Fri 2025-01-10 16:00–17:00 running: 1 h 0 min counted",
                "Fri 2025-01-10 17:00 – Tue 2025-01-14 08:00 outside business hours (weekend Sat 2025-01-11 – Sun 2025-01-12; holiday Company day Mon 2025-01-13): 87 h 0 min not counted",
                "Tue 2025-01-14 08:00–09:00 running: 1 h 0 min counted",
            ],
            lines);
    }

    [Fact]
    public void A_clock_running_through_the_autumn_change_says_the_repeated_hour_counted()
    {
        var clock = new SlaClock("INC1", SlaMetric.Resolution, H(24), Calendars.TwentyFourSeven(Zones.Berlin));
        clock.Start(Cest("2025-10-26 00:00"));

        var explanation = clock.Explain(Cet("2025-10-26 06:00"));

        Assert.Equal("Sun 2025-10-26 00:00–06:00 running: 7 h 0 min counted (clocks went back 1 h 0 min; the repeated local hour counts twice)", explanation.Lines[1].Text);
        Assert.Equal(H(7), clock.Elapsed(Cet("2025-10-26 06:00")));
    }

    [Fact]
    public void Ambiguous_local_times_show_their_offset()
    {
        var calendar = Calendars.TwentyFourSeven(Zones.Berlin);

        Assert.Equal("Sun 2025-10-26 02:30 (UTC+02:00)", SlaText.Instant(calendar, Cest("2025-10-26 02:30")));
        Assert.Equal("Sun 2025-10-26 02:30 (UTC+01:00)", SlaText.Instant(calendar, Cet("2025-10-26 02:30")));
        Assert.Equal("Sun 2025-03-30 01:59–03:00 (clocks went forward 1 h 0 min; the skipped local hour does not exist)", $"{SlaText.Range(calendar, Cet("2025-03-30 01:59"), Cest("2025-03-30 03:00"))} ({SlaText.DstNote(calendar, Cet("2025-03-30 01:59"), Cest("2025-03-30 03:00"))})");
    }

    [Theory]
    [InlineData(0, "0 min")]
    [InlineData(45, "45 min")]
    [InlineData(60, "1 h 0 min")]
    [InlineData(130, "2 h 10 min")]
    [InlineData(1500, "25 h 0 min")]
    public void Durations_are_written_in_hours_and_minutes(int minutes, string text)
    {
        Assert.Equal(text, SlaText.Duration(Min(minutes)));
    }

    [Fact]
    public void Seconds_are_shown_only_when_present()
    {
        Assert.Equal("22 min 30 s", SlaText.Duration(TimeSpan.FromSeconds(1350)));
    }

    [Fact]
    public void Stopping_at_the_deadline_meets_the_sla_and_any_later_is_a_breach()
    {
        var atDeadline = NewClock(H(2));
        atDeadline.Start(Cet("2025-01-06 09:00"));
        atDeadline.Stop(Cet("2025-01-06 11:00"));
        var late = NewClock(H(2));
        late.Start(Cet("2025-01-06 09:00"));
        late.Stop(Cet("2025-01-06 11:30"));

        Assert.Equal(SlaClockStatus.Met, atDeadline.Status(Cet("2025-01-06 12:00")));
        Assert.Equal(SlaClockStatus.Breached, late.Status(Cet("2025-01-06 12:00")));
        Assert.Equal(
            "Mon 2025-01-06 11:00 stopped: 2 h 0 min counted against a target of 2 h 0 min, met with 0 min to spare",
            atDeadline.Explain(Cet("2025-01-06 12:00")).Lines[^1].Text);
        Assert.Equal(
            "Mon 2025-01-06 11:30 stopped: 2 h 30 min counted against a target of 2 h 0 min, breached; the deadline was Mon 2025-01-06 11:00, stopped 30 min of business time (30 min elapsed) after it",
            late.Explain(Cet("2025-01-06 12:00")).Lines[^1].Text);
    }

    [Fact]
    public void The_deadline_passing_after_hours_is_a_breach_even_though_no_more_time_counts()
    {
        var clock = NewClock(H(8));
        clock.Start(Cet("2025-01-06 09:00"));

        Assert.Equal(SlaClockStatus.Running, clock.Status(Cet("2025-01-06 17:00")));
        Assert.Equal(Cet("2025-01-06 17:00"), clock.PredictedBreachAt(Cet("2025-01-06 16:00")));
        var evening = clock.Snapshot(Cet("2025-01-06 18:00"));
        Assert.Equal(SlaClockStatus.Breached, evening.Status);
        Assert.Equal(H(8), evening.Elapsed);
        Assert.Equal(Cet("2025-01-06 17:00"), evening.BreachedAt);
        Assert.Null(evening.PredictedBreachAt);
        Assert.Equal(H(1), clock.Snapshot(Cet("2025-01-07 10:00")).Overrun);
    }

    [Fact]
    public void A_breached_clock_that_is_paused_stays_breached()
    {
        var clock = NewClock(H(1));
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 11:00"));

        var snapshot = clock.Snapshot(Cet("2025-01-06 12:00"));

        Assert.Equal(SlaClockStatus.Breached, snapshot.Status);
        Assert.True(snapshot.IsPaused);
        Assert.StartsWith("Resolution SLA breached, paused (awaiting client): 2 h 0 min of 1 h 0 min counted (200 %), over by 1 h 0 min", clock.Explain(Cet("2025-01-06 12:00")).Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_its_start_a_clock_reports_not_started()
    {
        var clock = NewClock(H(8));

        Assert.Equal(SlaClockStatus.NotStarted, clock.Status(Cet("2025-01-06 09:00")));
        Assert.Equal("Resolution SLA not started; target 8 h 0 min.", clock.Explain(Cet("2025-01-06 09:00")).Summary);
        clock.Start(Cet("2025-01-06 09:00"));
        Assert.Equal(SlaClockStatus.NotStarted, clock.Status(Cet("2025-01-06 08:59")));
        Assert.Equal(TimeSpan.Zero, clock.Elapsed(Cet("2025-01-06 08:59")));
    }

    [Fact]
    public void A_clock_driven_by_a_fake_time_provider_follows_the_provider()
    {
        var time = new FakeTimeProvider(Cet("2025-01-06 09:00"));
        var clock = NewClock(H(4));
        clock.Start(time.GetUtcNow());

        time.Advance(H(3));
        clock.Pause("on hold by client", time.GetUtcNow());
        time.Advance(H(1));
        Assert.Equal(SlaClockStatus.Paused, clock.Status(time.GetUtcNow()));
        clock.Resume(time.GetUtcNow());
        time.Advance(H(1));

        // Exactly at the deadline the target is used up but not exceeded; one minute later it is breached.
        Assert.Equal(SlaClockStatus.Running, clock.Status(time.GetUtcNow()));
        time.Advance(Min(1));
        Assert.Equal(SlaClockStatus.Breached, clock.Status(time.GetUtcNow()));
        Assert.Equal(Cet("2025-01-06 14:00"), clock.DeadlinePassedAt(time.GetUtcNow()));
    }

    [Fact]
    public void Stored_state_round_trips_through_json_and_explains_the_same()
    {
        var clock = PausedOnceClock();
        clock.TryFireThreshold(50, Cet("2025-01-06 15:10"));
        clock.ChangeTarget(H(16), Cet("2025-01-07 09:30"), "priority lowered to P3");
        var calendar = clock.Calendar;

        var json = WorkflowJson.Serialize(clock.ToState());
        var restored = SlaClock.FromState(WorkflowJson.Deserialize<SlaClockState>(json)!, calendar);

        Assert.Contains("\"kind\":\"paused\"", json, StringComparison.Ordinal);
        Assert.Contains("\"metric\":\"resolution\"", json, StringComparison.Ordinal);
        Assert.Equal(clock.Explain(Cet("2025-01-08 10:00")).ToString(), restored.Explain(Cet("2025-01-08 10:00")).ToString());
        Assert.Equal(clock.PendingThresholds(Cet("2025-01-08 10:00")), restored.PendingThresholds(Cet("2025-01-08 10:00")));
        Assert.Equal(SlaClockEventResult.NoOp, restored.Pause("awaiting client", Cet("2025-01-06 12:00")));
    }

    [Fact]
    public void A_clock_is_created_from_the_default_policy_for_a_priority_and_tier()
    {
        var calendar = Calendars.BerlinBusinessHours();

        var clock = SlaClock.ForPolicy(SlaDefaults.Policy, calendar, "INC7", SlaMetric.Response, priority: 1, tier: "platinum");

        Assert.Equal(Min(10), clock.Target);
        Assert.Equal([50, 75, 90, 100], clock.Thresholds.Select(t => t.Percent));
        Assert.Throws<ArgumentException>(() => SlaClock.ForPolicy(SlaDefaults.Policy, Calendars.TwentyFourSeven(Zones.Berlin), "INC7", SlaMetric.Response, 1));
    }

    /// <summary>Started Mon 09:00, paused awaiting client 12:00–14:10, target 8 h (P2 resolution in the default policy).</summary>
    internal static SlaClock PausedOnceClock()
    {
        var clock = SlaClock.ForPolicy(SlaDefaults.Policy, Calendars.BerlinBusinessHours(), "INC1", SlaMetric.Resolution, priority: 2);
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause(SlaDefaults.Policy.PauseReasonFor("awaiting-client")!, Cet("2025-01-06 12:00"));
        clock.Resume(Cet("2025-01-06 14:10"));
        return clock;
    }

    private static SlaClock NewClock(TimeSpan target) =>
        new("INC1", SlaMetric.Resolution, target, Calendars.BerlinBusinessHours());
}
