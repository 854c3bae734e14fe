using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Tests.Sla.Support;
using static EscalationFlows.Escalations.Tests.Sla.Support.At;

namespace EscalationFlows.Escalations.Tests.Sla;

/// <summary>Idempotency and ordering of clock events.</summary>
public sealed class SlaClockEventTests
{
    [Fact]
    public void Repeating_an_event_is_a_no_op()
    {
        var clock = NewClock();

        Assert.Equal(SlaClockEventResult.Applied, clock.Start(Cet("2025-01-06 09:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Start(Cet("2025-01-06 09:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Resume(Cet("2025-01-06 09:30")));
        Assert.Equal(SlaClockEventResult.Applied, clock.Pause("awaiting client", Cet("2025-01-06 10:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Pause("awaiting client", Cet("2025-01-06 10:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Pause("on hold by client", Cet("2025-01-06 10:30")));
        Assert.Equal(SlaClockEventResult.Applied, clock.Resume(Cet("2025-01-06 11:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Resume(Cet("2025-01-06 11:00")));
        Assert.Equal(SlaClockEventResult.Applied, clock.Stop(Cet("2025-01-06 12:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Stop(Cet("2025-01-06 12:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Stop(Cet("2025-01-06 13:00")));

        Assert.Equal(
            [
                new SlaLedgerInterval(SlaLedgerIntervalKind.Running, Cet("2025-01-06 09:00"), Cet("2025-01-06 10:00"), null),
                new SlaLedgerInterval(SlaLedgerIntervalKind.Paused, Cet("2025-01-06 10:00"), Cet("2025-01-06 11:00"), "awaiting client"),
                new SlaLedgerInterval(SlaLedgerIntervalKind.Running, Cet("2025-01-06 11:00"), Cet("2025-01-06 12:00"), null),
            ],
            clock.Intervals);
        Assert.Equal(H(2), clock.Elapsed(Cet("2025-01-06 18:00")));
    }

    [Fact]
    public void A_re_delivered_earlier_event_that_is_already_in_the_ledger_is_a_no_op()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 10:00"));
        clock.Resume(Cet("2025-01-06 11:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 12:00"));
        clock.ChangeTarget(H(4), Cet("2025-01-06 12:30"), "priority raised");

        Assert.Equal(SlaClockEventResult.NoOp, clock.Pause("awaiting client", Cet("2025-01-06 10:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Resume(Cet("2025-01-06 11:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.ChangeTarget(H(4), Cet("2025-01-06 12:30"), "priority raised"));
        Assert.Equal(4, clock.Intervals.Count);
    }

    [Fact]
    public void An_event_earlier_than_the_last_one_is_rejected_and_changes_nothing()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 10:00"));
        clock.Resume(Cet("2025-01-06 11:00"));
        var before = clock.ToState();

        var pause = Assert.Throws<SlaClockEventException>(() => clock.Pause("awaiting client", Cet("2025-01-06 10:30")));
        var stop = Assert.Throws<SlaClockEventException>(() => clock.Stop(Cet("2025-01-06 10:59")));
        var change = Assert.Throws<SlaClockEventException>(() => clock.ChangeTarget(H(2), Cet("2025-01-06 10:45"), "late"));

        Assert.Equal(SlaClockErrorCodes.OutOfOrder, pause.Code);
        Assert.Equal(SlaClockErrorCodes.OutOfOrder, stop.Code);
        Assert.Equal(SlaClockErrorCodes.OutOfOrder, change.Code);
        Assert.Equal(
            "The pause at 2025-01-06T10:30:00.0000000+01:00 is earlier than the last event applied to the resolution clock of INC1 (2025-01-06T11:00:00.0000000+01:00); events must be applied in time order.",
            pause.Message);
        Assert.Equal(before.Intervals, clock.Intervals);
        Assert.Equal(before.Target, clock.Target);
    }

    [Fact]
    public void Events_before_the_start_or_on_a_clock_that_never_started_are_rejected()
    {
        var clock = NewClock();

        var notStarted = Assert.Throws<SlaClockEventException>(() => clock.Pause("awaiting client", Cet("2025-01-06 10:00")));
        Assert.Equal(SlaClockErrorCodes.NotStarted, notStarted.Code);
        Assert.Contains("has not started", notStarted.Message, StringComparison.Ordinal);
        Assert.Equal(SlaClockErrorCodes.NotStarted, Assert.Throws<SlaClockEventException>(() => clock.Stop(Cet("2025-01-06 10:00"))).Code);

        clock.Start(Cet("2025-01-06 09:00"));
        var early = Assert.Throws<SlaClockEventException>(() => clock.Resume(Cet("2025-01-06 08:00")));
        Assert.Equal(SlaClockErrorCodes.BeforeStart, early.Code);
        Assert.Equal(
            "The resume at 2025-01-06T08:00:00.0000000+01:00 is before the resolution clock of INC1 started (2025-01-06T09:00:00.0000000+01:00); events before the start are rejected.",
            early.Message);
        Assert.Equal(SlaClockErrorCodes.BeforeStart, Assert.Throws<SlaClockEventException>(() => clock.ChangeTarget(H(1), Cet("2025-01-06 08:00"), "x")).Code);
        var again = Assert.Throws<SlaClockEventException>(() => clock.Start(Cet("2025-01-06 09:05")));
        Assert.Equal(SlaClockErrorCodes.AlreadyStarted, again.Code);
    }

    [Fact]
    public void After_the_stop_pause_and_resume_are_ignored_but_a_target_change_re_judges_the_outcome()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Stop(Cet("2025-01-06 12:00"));

        Assert.Equal(SlaClockEventResult.NoOp, clock.Pause("awaiting client", Cet("2025-01-06 13:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.Resume(Cet("2025-01-06 14:00")));
        Assert.Equal(SlaClockStatus.Met, clock.Status(Cet("2025-01-06 15:00")));
        Assert.Equal(SlaClockEventResult.Applied, clock.ChangeTarget(H(2), Cet("2025-01-06 15:00"), "priority raised to P1 after the fact"));
        Assert.Equal(SlaClockStatus.Breached, clock.Status(Cet("2025-01-06 15:00")));
        Assert.Single(clock.Intervals);
    }

    [Fact]
    public void Pausing_at_the_start_instant_starts_the_clock_paused()
    {
        var clock = NewClock();
        clock.Start(Cet("2025-01-06 09:00"));
        clock.Pause("awaiting client", Cet("2025-01-06 09:00"));

        Assert.Equal(SlaClockStatus.Paused, clock.Status(Cet("2025-01-06 09:00")));
        Assert.Equal(TimeSpan.Zero, clock.Elapsed(Cet("2025-01-06 12:00")));
        Assert.DoesNotContain(clock.Explain(Cet("2025-01-06 12:00")).Lines, l => l.Kind == SlaExplanationLineKind.Counted);
    }

    [Fact]
    public void Invalid_arguments_are_rejected()
    {
        var clock = NewClock();

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.ChangeTarget(TimeSpan.Zero, Cet("2025-01-06 09:00"), "zero"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SlaClock("INC1", SlaMetric.Response, H(-1), clock.Calendar));
        clock.Start(Cet("2025-01-06 09:00"));
        Assert.Throws<ArgumentException>(() => clock.Pause(" ", Cet("2025-01-06 10:00")));
    }

    [Fact]
    public void Applying_a_policy_changes_target_and_thresholds_and_records_why()
    {
        var clock = SlaClock.ForPolicy(SlaDefaults.Policy, Calendars.BerlinBusinessHours(), "INC1", SlaMetric.Resolution, priority: 3);
        clock.Start(Cet("2025-01-06 09:00"));
        var stricter = SlaDefaults.Policy with
        {
            Version = 2,
            Thresholds = [new() { Percent = 80, Name = "80 % at risk", Action = "escalate" }, new() { Percent = 100, Name = "breach", Action = "breach" }],
        };

        Assert.Equal(SlaClockEventResult.Applied, clock.ApplyPolicy(stricter, priority: 2, tier: null, Cet("2025-01-06 10:00")));
        Assert.Equal(SlaClockEventResult.NoOp, clock.ApplyPolicy(stricter, priority: 2, tier: null, Cet("2025-01-06 10:05")));

        Assert.Equal(H(8), clock.Target);
        Assert.Equal([80, 100], clock.Thresholds.Select(t => t.Percent));
        Assert.Equal(new SlaTargetChange(Cet("2025-01-06 10:00"), H(24), H(8), "policy standard v2, priority P2"), Assert.Single(clock.TargetChanges));
        Assert.Contains("Mon 2025-01-06 10:00 target changed from 24 h 0 min to 8 h 0 min (policy standard v2, priority P2)", clock.Explain(Cet("2025-01-06 11:00")).Lines.Select(l => l.Text));
    }

    private static SlaClock NewClock() => new("INC1", SlaMetric.Resolution, H(8), Calendars.BerlinBusinessHours());
}
