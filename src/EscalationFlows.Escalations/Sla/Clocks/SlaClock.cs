using System.Globalization;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;

namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>
/// The SLA clock of one subject (ticket or escalation) for one metric (response or resolution). It keeps a ledger of
/// running and paused intervals built from timestamped events, and answers questions at any instant: elapsed and
/// remaining business time, percentage, status, predicted breach, pending thresholds and a plain-English explanation.
/// </summary>
/// <remarks>
/// <para>Events are idempotent and order-checked. An event timestamped before the last recorded event is rejected
/// with <see cref="SlaClockEventException"/>, unless it repeats a recorded one (a re-delivery), which is a no-op.
/// Pausing while paused and resuming while running are no-ops; after <see cref="Stop"/>, pause, resume and further
/// stops are no-ops. A target change applies to the whole clock (elapsed time is re-measured against the new target).</para>
/// <para>Deadline: the earliest instant at which the counted time equals the target. Stopping at or before it meets
/// the SLA; the clock is breached at any instant after it (even while paused or outside business hours).</para>
/// <para>The clock is not thread-safe; serialise events per subject (the workflow engine does).</para>
/// </remarks>
public sealed class SlaClock
{
    private readonly List<SlaLedgerInterval> intervals = [];
    private readonly List<SlaTargetChange> targetChanges = [];
    private readonly List<SlaThresholdFiring> firedThresholds = [];
    private List<SlaThreshold> thresholds;
    private DateTimeOffset? lastEventAt;

    /// <summary>Creates a clock that is not started yet.</summary>
    /// <param name="subjectId">The ticket or escalation id.</param>
    /// <param name="metric">Response or resolution.</param>
    /// <param name="target">Business duration allowed; must be positive.</param>
    /// <param name="calendar">The calendar business time is counted in.</param>
    /// <param name="thresholds">Thresholds to schedule; null for <see cref="SlaThreshold.Defaults"/>.</param>
    public SlaClock(string subjectId, SlaMetric metric, TimeSpan target, BusinessCalendar calendar, IReadOnlyList<SlaThreshold>? thresholds = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentNullException.ThrowIfNull(calendar);
        CheckTarget(target);
        SubjectId = subjectId;
        Metric = metric;
        Target = target;
        Calendar = calendar;
        this.thresholds = CheckThresholds(thresholds ?? SlaThreshold.Defaults);
    }

    /// <summary>The ticket or escalation id.</summary>
    public string SubjectId { get; }

    /// <summary>Response or resolution.</summary>
    public SlaMetric Metric { get; }

    /// <summary>The current target (business duration).</summary>
    public TimeSpan Target { get; private set; }

    /// <summary>The calendar business time is counted in.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>When the clock started; null when not started.</summary>
    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When the clock stopped; null while open.</summary>
    public DateTimeOffset? StoppedAt { get; private set; }

    /// <summary>The ledger: running and paused intervals in order; only the last may be open.</summary>
    public IReadOnlyList<SlaLedgerInterval> Intervals => intervals;

    /// <summary>Target changes in order.</summary>
    public IReadOnlyList<SlaTargetChange> TargetChanges => targetChanges;

    /// <summary>The thresholds of this clock, sorted by percentage.</summary>
    public IReadOnlyList<SlaThreshold> Thresholds => thresholds;

    /// <summary>Thresholds that have fired; they never fire again.</summary>
    public IReadOnlyList<SlaThresholdFiring> FiredThresholds => firedThresholds;

    /// <summary>The stable timer ids of all thresholds of this clock (pending or not), for cancelling timers.</summary>
    public IReadOnlyList<string> ThresholdIds => [.. thresholds.Select(t => SlaThresholdDue.IdFor(SubjectId, Metric, t.Percent))];

    /// <summary>Creates a clock with the target and thresholds a policy gives for a priority and client tier.</summary>
    /// <exception cref="ArgumentException">When the calendar is not the policy's calendar or no target matches.</exception>
    public static SlaClock ForPolicy(SlaPolicy policy, BusinessCalendar calendar, string subjectId, SlaMetric metric, int priority, string? tier = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(calendar);
        CheckCalendar(policy, calendar);
        return new SlaClock(subjectId, metric, policy.TargetFor(metric, priority, tier), calendar, policy.Thresholds);
    }

    /// <summary>Rebuilds a clock from stored state.</summary>
    /// <exception cref="ArgumentException">When the state is inconsistent or names another calendar.</exception>
    public static SlaClock FromState(SlaClockState state, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!string.Equals(state.CalendarId, calendar.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The clock state counts in calendar '{state.CalendarId}', not '{calendar.Id}'.", nameof(calendar));
        }

        IReadOnlyList<SlaLedgerInterval> intervals = state.Intervals ?? [];
        var clock = new SlaClock(state.SubjectId, state.Metric, state.Target, calendar, state.Thresholds ?? [])
        {
            StartedAt = state.StartedAt,
            StoppedAt = state.StoppedAt,
            lastEventAt = state.LastEventAt,
        };
        for (var i = 0; i < intervals.Count; i++)
        {
            var interval = intervals[i];
            var ordered = interval.End is null ? i == intervals.Count - 1 : interval.End >= interval.Start;
            if (!ordered || (i > 0 && intervals[i - 1].End != interval.Start))
            {
                throw new ArgumentException($"The clock state's interval {i} is not contiguous with the one before it, or is open before the last.", nameof(state));
            }
        }

        if (state.StartedAt is { } started && (intervals.Count == 0 || intervals[0].Start != started))
        {
            throw new ArgumentException("The clock state's first interval does not begin when the clock started.", nameof(state));
        }

        clock.intervals.AddRange(intervals);
        clock.targetChanges.AddRange(state.TargetChanges ?? []);
        clock.firedThresholds.AddRange(state.FiredThresholds ?? []);
        return clock;
    }

    /// <summary>The state to store.</summary>
    public SlaClockState ToState() => new()
    {
        SubjectId = SubjectId,
        Metric = Metric,
        CalendarId = Calendar.Id,
        Target = Target,
        StartedAt = StartedAt,
        StoppedAt = StoppedAt,
        LastEventAt = lastEventAt,
        Intervals = [.. intervals],
        TargetChanges = [.. targetChanges],
        Thresholds = [.. thresholds],
        FiredThresholds = [.. firedThresholds],
    };

    /// <summary>Starts the clock at <paramref name="at"/>. Starting again at the same instant is a no-op.</summary>
    /// <exception cref="SlaClockEventException">When already started at another instant.</exception>
    public SlaClockEventResult Start(DateTimeOffset at)
    {
        if (StartedAt is { } started)
        {
            return started == at
                ? SlaClockEventResult.NoOp
                : throw new SlaClockEventException(SlaClockErrorCodes.AlreadyStarted, $"The {MetricName} clock of {SubjectId} already started at {started:O}; it cannot start again at {at:O}.");
        }

        StartedAt = at;
        intervals.Add(new SlaLedgerInterval(SlaLedgerIntervalKind.Running, at, null, null));
        lastEventAt = Max(lastEventAt, at);
        return SlaClockEventResult.Applied;
    }

    /// <summary>Pauses the clock at <paramref name="at"/> for <paramref name="reason"/> (for example "awaiting client").</summary>
    /// <returns><see cref="SlaClockEventResult.NoOp"/> when already paused, stopped, or when the same pause was already recorded.</returns>
    /// <exception cref="SlaClockEventException">When not started, before the start, or out of order.</exception>
    public SlaClockEventResult Pause(string reason, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        RequireStarted(at, "pause");
        if (StoppedAt is not null || IsRecorded(SlaLedgerIntervalKind.Paused, at, "pause"))
        {
            return SlaClockEventResult.NoOp;
        }

        if (intervals[^1].Kind == SlaLedgerIntervalKind.Paused)
        {
            return SlaClockEventResult.NoOp;
        }

        Switch(SlaLedgerIntervalKind.Paused, at, reason);
        return SlaClockEventResult.Applied;
    }

    /// <summary>Resumes the clock at <paramref name="at"/>.</summary>
    /// <returns><see cref="SlaClockEventResult.NoOp"/> when running, stopped, or when the same resume was already recorded.</returns>
    /// <exception cref="SlaClockEventException">When not started, before the start, or out of order.</exception>
    public SlaClockEventResult Resume(DateTimeOffset at)
    {
        RequireStarted(at, "resume");
        if (StoppedAt is not null || IsRecorded(SlaLedgerIntervalKind.Running, at, "resume"))
        {
            return SlaClockEventResult.NoOp;
        }

        if (intervals[^1].Kind == SlaLedgerIntervalKind.Running)
        {
            return SlaClockEventResult.NoOp;
        }

        Switch(SlaLedgerIntervalKind.Running, at, null);
        return SlaClockEventResult.Applied;
    }

    /// <summary>
    /// Stops the clock at <paramref name="at"/> (the response was given or the subject resolved). The outcome is met
    /// when <paramref name="at"/> is at or before the deadline, breached otherwise. Stopping again is a no-op.
    /// </summary>
    /// <exception cref="SlaClockEventException">When not started, before the start, or out of order.</exception>
    public SlaClockEventResult Stop(DateTimeOffset at)
    {
        RequireStarted(at, "stop");
        if (StoppedAt is not null)
        {
            return SlaClockEventResult.NoOp;
        }

        RequireInOrder(at, "stop");
        intervals[^1] = intervals[^1] with { End = at };
        StoppedAt = at;
        lastEventAt = at;
        return SlaClockEventResult.Applied;
    }

    /// <summary>
    /// Changes the target at <paramref name="at"/> (policy or priority change). The new target applies to the whole
    /// clock; thresholds already fired do not fire again, and thresholds already passed under the new target become
    /// due immediately. Allowed after the stop (the outcome is re-judged). Before the start it only replaces the target.
    /// </summary>
    /// <returns><see cref="SlaClockEventResult.NoOp"/> when the target is unchanged or the same change was already recorded.</returns>
    /// <exception cref="SlaClockEventException">When before the start or out of order.</exception>
    public SlaClockEventResult ChangeTarget(TimeSpan target, DateTimeOffset at, string reason)
    {
        CheckTarget(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (StartedAt is null)
        {
            if (target == Target)
            {
                return SlaClockEventResult.NoOp;
            }

            Target = target;
            return SlaClockEventResult.Applied;
        }

        if (at < StartedAt)
        {
            throw BeforeStart(at, "target change");
        }

        if (lastEventAt is { } last && at < last)
        {
            return targetChanges.Any(c => c.At == at && c.NewTarget == target)
                ? SlaClockEventResult.NoOp
                : throw OutOfOrder(at, "target change", last);
        }

        if (target == Target)
        {
            return SlaClockEventResult.NoOp;
        }

        targetChanges.Add(new SlaTargetChange(at, Target, target, reason));
        Target = target;
        lastEventAt = at;
        return SlaClockEventResult.Applied;
    }

    /// <summary>
    /// Applies a (new version of a) policy, or a new priority or tier, at <paramref name="at"/>: the target is changed as by
    /// <see cref="ChangeTarget"/> and the thresholds are replaced (fired percentages stay fired).
    /// </summary>
    /// <exception cref="ArgumentException">When the policy counts in another calendar (start a new clock then).</exception>
    public SlaClockEventResult ApplyPolicy(SlaPolicy policy, int priority, string? tier, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CheckCalendar(policy, Calendar);
        var tierText = string.IsNullOrWhiteSpace(tier) ? string.Empty : $", tier {tier}";
        var reason = string.Create(CultureInfo.InvariantCulture, $"policy {policy.Id} v{policy.Version}, priority P{priority}{tierText}");
        var newThresholds = CheckThresholds(policy.Thresholds);
        var result = ChangeTarget(policy.TargetFor(Metric, priority, tier), at, reason);
        if (!newThresholds.SequenceEqual(thresholds))
        {
            thresholds = newThresholds;
            result = SlaClockEventResult.Applied;
        }

        return result;
    }

    /// <summary>
    /// Records that the threshold of <paramref name="percent"/> fired at <paramref name="at"/>. Returns false (and
    /// records nothing) when it already fired, is not a threshold of this clock, or is not reached at <paramref name="at"/>
    /// (a stale timer after a pause or a target change).
    /// </summary>
    public bool TryFireThreshold(int percent, DateTimeOffset at)
    {
        var threshold = thresholds.FirstOrDefault(t => t.Percent == percent);
        if (threshold is null || StartedAt is null || firedThresholds.Any(f => f.Percent == percent))
        {
            return false;
        }

        if (Elapsed(at) < threshold.AmountOf(Target))
        {
            return false;
        }

        firedThresholds.Add(new SlaThresholdFiring(percent, at));
        return true;
    }

    /// <summary>Fires every threshold that is reached at <paramref name="now"/> and has not fired; returns them in order.</summary>
    public IReadOnlyList<SlaThreshold> FireReachedThresholds(DateTimeOffset now) =>
        [.. thresholds.Where(t => TryFireThreshold(t.Percent, now))];

    /// <summary>Business time counted up to <paramref name="now"/>.</summary>
    public TimeSpan Elapsed(DateTimeOffset now)
    {
        var total = TimeSpan.Zero;
        foreach (var interval in intervals)
        {
            if (interval.Kind != SlaLedgerIntervalKind.Running || interval.Start >= now)
            {
                continue;
            }

            var end = interval.End is { } e && e < now ? e : now;
            total += Calendar.BusinessTimeBetween(interval.Start, end);
        }

        return total;
    }

    /// <summary>Elapsed business time as a percentage of the target (may exceed 100).</summary>
    public double ElapsedPercent(DateTimeOffset now) => Elapsed(now).Ticks * 100.0 / Target.Ticks;

    /// <summary>Target minus elapsed business time, never below zero.</summary>
    public TimeSpan Remaining(DateTimeOffset now)
    {
        var remaining = Target - Elapsed(now);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>The status at <paramref name="now"/>.</summary>
    public SlaClockStatus Status(DateTimeOffset now)
    {
        if (StartedAt is not { } started || now < started)
        {
            return SlaClockStatus.NotStarted;
        }

        if (StoppedAt is { } stopped && stopped <= now)
        {
            var deadline = ReachedAt(Target, stopped);
            return deadline is null || stopped <= deadline ? SlaClockStatus.Met : SlaClockStatus.Breached;
        }

        if (ReachedAt(Target, now) is { } reached && reached < now)
        {
            return SlaClockStatus.Breached;
        }

        return IntervalAt(now)?.Kind == SlaLedgerIntervalKind.Paused ? SlaClockStatus.Paused : SlaClockStatus.Running;
    }

    /// <summary>
    /// When the target will be used up if the clock keeps running from <paramref name="now"/>; null when it is not
    /// running at <paramref name="now"/> (not started, paused, stopped) or the deadline has already passed.
    /// </summary>
    public DateTimeOffset? PredictedBreachAt(DateTimeOffset now)
    {
        if (Status(now) != SlaClockStatus.Running)
        {
            return null;
        }

        return Calendar.AddBusinessTime(now, Target - Elapsed(now));
    }

    /// <summary>The deadline (when the counted time reached the target) if it lies at or before <paramref name="now"/>.</summary>
    public DateTimeOffset? DeadlinePassedAt(DateTimeOffset now) =>
        StartedAt is null ? null : ReachedAt(Target, StoppedAt is { } s && s < now ? s : now);

    /// <summary>Everything the clock says about itself at <paramref name="now"/>.</summary>
    public SlaClockSnapshot Snapshot(DateTimeOffset now)
    {
        var status = Status(now);
        var elapsed = Elapsed(now);
        var current = status is SlaClockStatus.Running or SlaClockStatus.Paused or SlaClockStatus.Breached ? IntervalAt(now) : null;
        var paused = current?.Kind == SlaLedgerIntervalKind.Paused;
        var remaining = Target - elapsed;
        return new SlaClockSnapshot(
            SubjectId,
            Metric,
            now,
            status,
            paused,
            paused ? current!.Reason : null,
            Target,
            elapsed,
            remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero,
            remaining < TimeSpan.Zero ? -remaining : TimeSpan.Zero,
            elapsed.Ticks * 100.0 / Target.Ticks,
            status == SlaClockStatus.NotStarted ? null : StartedAt,
            StoppedAt is { } s && s <= now ? s : null,
            status == SlaClockStatus.Running ? Calendar.AddBusinessTime(now, remaining) : null,
            status == SlaClockStatus.Breached ? DeadlinePassedAt(now) : null,
            PauseTotals(now));
    }

    /// <summary>
    /// The thresholds a scheduler should have timers for at <paramref name="now"/>, in percentage order. Only thresholds
    /// that have not fired are listed. While running, each is due when the counted time reaches its share of the
    /// current target (in business time, assuming the clock keeps running); one already reached is due at
    /// <paramref name="now"/>. While paused, only thresholds already reached are listed (due now): future ones have no
    /// due instant until the clock resumes. Not started or stopped clocks have none.
    /// </summary>
    public IReadOnlyList<SlaThresholdDue> PendingThresholds(DateTimeOffset now)
    {
        if (StartedAt is not { } started || now < started || StoppedAt is not null)
        {
            return [];
        }

        var elapsed = Elapsed(now);
        var running = IntervalAt(now)?.Kind == SlaLedgerIntervalKind.Running;
        var due = new List<SlaThresholdDue>();
        foreach (var threshold in thresholds)
        {
            if (firedThresholds.Any(f => f.Percent == threshold.Percent))
            {
                continue;
            }

            var amount = threshold.AmountOf(Target);
            var id = SlaThresholdDue.IdFor(SubjectId, Metric, threshold.Percent);
            if (elapsed >= amount)
            {
                due.Add(new SlaThresholdDue(id, SubjectId, Metric, threshold.Percent, threshold.Name, threshold.Action, now, amount, true, ReachedAt(amount, now)));
            }
            else if (running)
            {
                var dueAt = Calendar.AddBusinessTime(now, amount - elapsed);
                due.Add(new SlaThresholdDue(id, SubjectId, Metric, threshold.Percent, threshold.Name, threshold.Action, dueAt, amount, false, null));
            }
        }

        return due;
    }

    /// <summary>The ledger in plain English up to <paramref name="now"/>, with a one-sentence summary.</summary>
    public SlaExplanation Explain(DateTimeOffset now) => SlaLedgerExplainer.Explain(this, now);

    /// <summary>
    /// The earliest instant, at or before <paramref name="limit"/>, at which the counted time reached
    /// <paramref name="amount"/>; null when it had not by then.
    /// </summary>
    internal DateTimeOffset? ReachedAt(TimeSpan amount, DateTimeOffset limit)
    {
        var counted = TimeSpan.Zero;
        foreach (var interval in intervals)
        {
            if (interval.Kind != SlaLedgerIntervalKind.Running || interval.Start >= limit)
            {
                continue;
            }

            var end = interval.End is { } e && e < limit ? e : limit;
            var business = Calendar.BusinessTimeBetween(interval.Start, end);
            if (counted + business >= amount)
            {
                return Calendar.AddBusinessTime(interval.Start, amount - counted);
            }

            counted += business;
        }

        return null;
    }

    /// <summary>The interval containing <paramref name="now"/> (start inclusive, end exclusive), ignoring empty ones.</summary>
    internal SlaLedgerInterval? IntervalAt(DateTimeOffset now)
    {
        for (var i = intervals.Count - 1; i >= 0; i--)
        {
            var interval = intervals[i];
            if (interval.Start <= now && (interval.End is null || interval.End > now))
            {
                return interval;
            }
        }

        return null;
    }

    internal IReadOnlyList<SlaPauseTotal> PauseTotals(DateTimeOffset now)
    {
        var totals = new List<SlaPauseTotal>();
        foreach (var interval in intervals)
        {
            if (interval.Kind != SlaLedgerIntervalKind.Paused || interval.Start >= now)
            {
                continue;
            }

            var end = interval.End is { } e && e < now ? e : now;
            var reason = interval.Reason ?? "paused";
            var index = totals.FindIndex(t => t.Reason == reason);
            var wall = end - interval.Start;
            var business = Calendar.BusinessTimeBetween(interval.Start, end);
            if (index < 0)
            {
                totals.Add(new SlaPauseTotal(reason, wall, business));
            }
            else
            {
                totals[index] = totals[index] with { WallTime = totals[index].WallTime + wall, BusinessTime = totals[index].BusinessTime + business };
            }
        }

        return totals;
    }

    private string MetricName => Metric == SlaMetric.Response ? "response" : "resolution";

    private static void CheckTarget(TimeSpan target)
    {
        if (target <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "An SLA target must be a positive business duration.");
        }
    }

    private static List<SlaThreshold> CheckThresholds(IReadOnlyList<SlaThreshold> thresholds)
    {
        var sorted = thresholds.OrderBy(t => t.Percent).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Percent < 1 || (i > 0 && sorted[i].Percent == sorted[i - 1].Percent))
            {
                throw new ArgumentException($"Threshold percentages must be positive and unique ({sorted[i].Percent} is not).", nameof(thresholds));
            }
        }

        return sorted;
    }

    private static void CheckCalendar(SlaPolicy policy, BusinessCalendar calendar)
    {
        if (!string.Equals(policy.CalendarId, calendar.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The SLA policy '{policy.Id}' counts in calendar '{policy.CalendarId}', but the calendar given is '{calendar.Id}'.", nameof(calendar));
        }
    }

    private static DateTimeOffset Max(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x > b ? x : b;

    private void RequireStarted(DateTimeOffset at, string what)
    {
        if (StartedAt is null)
        {
            throw new SlaClockEventException(SlaClockErrorCodes.NotStarted, $"The {MetricName} clock of {SubjectId} has not started, so it cannot {what} at {at:O}; start it first.");
        }

        if (at < StartedAt)
        {
            throw BeforeStart(at, what);
        }
    }

    private void RequireInOrder(DateTimeOffset at, string what)
    {
        if (lastEventAt is { } last && at < last)
        {
            throw OutOfOrder(at, what, last);
        }
    }

    /// <summary>
    /// For an event earlier than the last one: true when an interval of <paramref name="kind"/> starting at
    /// <paramref name="at"/> is already in the ledger (a re-delivered event); otherwise throws out-of-order.
    /// Returns false for events in order.
    /// </summary>
    private bool IsRecorded(SlaLedgerIntervalKind kind, DateTimeOffset at, string what)
    {
        if (lastEventAt is not { } last || at >= last)
        {
            return false;
        }

        // The first running interval is the start, not a resume.
        var recorded = intervals.Skip(kind == SlaLedgerIntervalKind.Running ? 1 : 0).Any(i => i.Kind == kind && i.Start == at);
        return recorded ? true : throw OutOfOrder(at, what, last);
    }

    private void Switch(SlaLedgerIntervalKind kind, DateTimeOffset at, string? reason)
    {
        intervals[^1] = intervals[^1] with { End = at };
        intervals.Add(new SlaLedgerInterval(kind, at, null, reason));
        lastEventAt = at;
    }

    private SlaClockEventException BeforeStart(DateTimeOffset at, string what) =>
        new(SlaClockErrorCodes.BeforeStart, $"The {what} at {at:O} is before the {MetricName} clock of {SubjectId} started ({StartedAt:O}); events before the start are rejected.");

    private SlaClockEventException OutOfOrder(DateTimeOffset at, string what, DateTimeOffset last) =>
        new(SlaClockErrorCodes.OutOfOrder, $"The {what} at {at:O} is earlier than the last event applied to the {MetricName} clock of {SubjectId} ({last:O}); events must be applied in time order.");
}
