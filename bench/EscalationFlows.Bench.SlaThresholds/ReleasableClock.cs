namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>
/// A clock that stands still at <see cref="Start"/> while the scenario is set up (however long that takes), then runs
/// at real speed from <see cref="Release"/>: due times are laid out relative to a known instant, and lateness measured
/// after the release is real wall-clock lateness. Timers and delays use the system's (relative durations).
/// </summary>
public sealed class ReleasableClock : TimeProvider
{
    private long _releasedAt;

    public ReleasableClock(DateTimeOffset start)
    {
        Start = start;
    }

    public DateTimeOffset Start { get; }

    public bool IsReleased => Interlocked.Read(ref _releasedAt) != 0;

    public void Release() => Interlocked.Exchange(ref _releasedAt, System.GetTimestamp());

    public override DateTimeOffset GetUtcNow()
    {
        var released = Interlocked.Read(ref _releasedAt);
        return released == 0 ? Start : Start + System.GetElapsedTime(released);
    }
}
