using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Tests.Sla.Support;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>
/// Threshold due instants for a P2 resolution clock (8 h) on Mon–Fri 09:00–17:00 in Berlin: 50 % = 4 h, 75 % = 6 h,
/// 90 % = 7 h 12 min, 100 % = 8 h of business time.
/// </summary>
public sealed class SlaThresholdScheduleTests
{
    [Fact]
    public void Each_threshold_is_due_at_the_right_minute_from_the_start()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));

        var due = clock.PendingThresholds(Cet("2025-01-06 09:00"));

        Assert.Equal(
            [
                ("INC1/resolution/50", Cet("2025-01-06 13:00"), "warn"),
                ("INC1/resolution/75", Cet("2025-01-06 15:00"), "warn"),
                ("INC1/resolution/90", Cet("2025-01-06 16:12"), "escalate"),
                ("INC1/resolution/100", Cet("2025-01-06 17:00"), "breach"),
            ],
            due.Select(d => (d.Id, d.DueAt, d.Action)));
        Assert.All(due, d => Assert.False(d.AlreadyReached));
        Assert.Equal(H(7) + Min(12), due[2].ElapsedAtThreshold);
    }

    [Fact]
    public void Due_instants_do_not_move_while_the_clock_keeps_running()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));

        Assert.Equal(
            clock.PendingThresholds(Cet("2025-01-06 09:00")).Select(d => d.DueAt),
            clock.PendingThresholds(Cet("2025-01-06 12:34")).Select(d => d.DueAt));
    }

    [Fact]
    public void A_paused_clock_has_no_due_instants_and_they_are_recomputed_on_resume()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 12:00"));

        Assert.Empty(clock.PendingThresholds(Cet("2025-01-06 12:00")));
        Assert.Empty(clock.PendingThresholds(Cet("2025-01-06 14:00")));

        clock.Resume(Cet("2025-01-06 14:10"));

        // 3 h counted before the pause: 50 % needs 1 h more, 75 % 3 h (2 h 50 min today + 10 min tomorrow), and so on.
        Assert.Equal(
            [Cet("2025-01-06 15:10"), Cet("2025-01-07 09:10"), Cet("2025-01-07 10:22"), Cet("2025-01-07 11:10")],
            clock.PendingThresholds(Cet("2025-01-06 14:10")).Select(d => d.DueAt));
    }

    [Fact]
    public void A_fired_threshold_never_fires_again_and_a_stale_timer_does_not_fire()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));

        Assert.False(clock.TryFireThreshold(50, Cet("2025-01-06 12:59")));
        Assert.True(clock.TryFireThreshold(50, Cet("2025-01-06 13:00")));
        Assert.False(clock.TryFireThreshold(50, Cet("2025-01-06 13:01")));
        Assert.False(clock.TryFireThreshold(60, Cet("2025-01-06 16:00")));
        Assert.Equal([75, 90, 100], clock.PendingThresholds(Cet("2025-01-06 13:00")).Select(d => d.Percent));
        Assert.Contains("Mon 2025-01-06 13:00 50 % warning (50 %, warn) fired", clock.Explain(Cet("2025-01-06 14:00")).Lines.Select(l => l.Text));
    }

    [Fact]
    public void Fire_reached_thresholds_fires_all_that_are_reached_in_order()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));

        Assert.Equal([50, 75], clock.FireReachedThresholds(Cet("2025-01-06 15:30")).Select(t => t.Percent));
        Assert.Empty(clock.FireReachedThresholds(Cet("2025-01-06 15:30")));
        Assert.Equal([90, 100], clock.FireReachedThresholds(Cet("2025-01-07 09:00")).Select(t => t.Percent));
        Assert.Equal([50, 75, 90, 100], clock.FiredThresholds.Select(f => f.Percent));
    }

    [Fact]
    public void Lowering_the_target_makes_passed_thresholds_due_immediately_but_fired_ones_stay_fired()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 12:00"));
        clock.Resume(Cet("2025-01-06 14:10"));
        Assert.True(clock.TryFireThreshold(50, Cet("2025-01-06 15:10")));

        // Tue 09:30: 6 h 20 min counted; the priority goes to P1 (4 h). 75 % (3 h) was passed Mon 12:00,
        // 90 % (3 h 36 min) Mon 14:46 and 100 % (4 h) Mon 15:10.
        var now = Cet("2025-01-07 09:30");
        clock.ChangeTarget(H(4), now, "priority raised to P1");
        var due = clock.PendingThresholds(now);

        Assert.Equal([75, 90, 100], due.Select(d => d.Percent));
        Assert.All(due, d => Assert.True(d.AlreadyReached));
        Assert.All(due, d => Assert.Equal(now, d.DueAt));
        Assert.Equal([Cet("2025-01-06 12:00"), Cet("2025-01-06 14:46"), Cet("2025-01-06 15:10")], due.Select(d => d.ReachedAt));
        Assert.Equal(SlaClockStatus.Breached, clock.Status(now));
        Assert.Equal(Cet("2025-01-06 15:10"), clock.Snapshot(now).BreachedAt);
    }

    [Fact]
    public void Raising_the_target_again_reschedules_the_thresholds_that_have_not_fired()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 12:00"));
        clock.Resume(Cet("2025-01-06 14:10"));
        clock.TryFireThreshold(50, Cet("2025-01-06 15:10"));
        clock.ChangeTarget(H(4), Cet("2025-01-07 09:30"), "priority raised to P1");
        Assert.True(clock.TryFireThreshold(75, Cet("2025-01-07 09:30")));

        // Tue 09:45: 6 h 35 min counted; priority lowered to P3 (16 h). 90 % = 14 h 24 min → Wed 09:34; 100 % → Wed 11:10.
        var now = Cet("2025-01-07 09:45");
        clock.ChangeTarget(H(16), now, "priority lowered to P3");

        Assert.Equal(
            [(90, Cet("2025-01-08 09:34")), (100, Cet("2025-01-08 11:10"))],
            clock.PendingThresholds(now).Select(d => (d.Percent, d.DueAt)));
        Assert.Equal(SlaClockStatus.Running, clock.Status(now));
        Assert.Equal(Cet("2025-01-08 11:10"), clock.PredictedBreachAt(now));
    }

    [Fact]
    public void A_threshold_reached_just_before_a_pause_but_not_fired_stays_due_while_paused()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 13:05"));

        var due = Assert.Single(clock.PendingThresholds(Cet("2025-01-06 13:30")));

        Assert.Equal(50, due.Percent);
        Assert.True(due.AlreadyReached);
        Assert.Equal(Cet("2025-01-06 13:30"), due.DueAt);
        Assert.Equal(Cet("2025-01-06 13:00"), due.ReachedAt);
    }

    [Fact]
    public void Stopped_or_unstarted_clocks_have_nothing_pending_and_every_id_is_known()
    {
        var clock = NewClock();
        Assert.Empty(clock.PendingThresholds(Cet("2025-01-06 09:00")));
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Stop(Cet("2025-01-06 10:00"));

        Assert.Empty(clock.PendingThresholds(Cet("2025-01-06 10:00")));
        Assert.Equal(["INC1/resolution/50", "INC1/resolution/75", "INC1/resolution/90", "INC1/resolution/100"], clock.ThresholdIds);
    }

    [Fact]
    public void Thresholds_of_a_short_target_can_fall_between_minutes()
    {
        var clock = new SlaClock("INC9", SlaMetric.Response, Min(15), Calendars.BerlinBusinessHours());
        clock.Start(Cet("2025-01-06 16:50"));

        // 50 % of 15 min = 7 min 30 s; the 100 % mark runs over the evening into Tuesday 09:05.
        Assert.Equal(
            [Cet("2025-01-06 16:57:30"), Cet("2025-01-07 09:01:15"), Cet("2025-01-07 09:03:30"), Cet("2025-01-07 09:05")],
            clock.PendingThresholds(Cet("2025-01-06 16:50")).Select(d => d.DueAt));
        Assert.Equal("INC9/response/50", clock.PendingThresholds(Cet("2025-01-06 16:50"))[0].Id);
    }

    private static SlaClock NewClock() =>
        SlaClock.ForPolicy(SlaDefaults.Policy, Calendars.BerlinBusinessHours(), "INC1", SlaMetric.Resolution, priority: 2);
}
