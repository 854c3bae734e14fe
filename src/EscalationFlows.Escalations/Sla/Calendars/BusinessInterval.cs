namespace EscalationFlows.Escalations.Sla.Calendars;

/// <summary>A stretch of business time between two UTC instants, half-open: [<see cref="Start"/>, <see cref="End"/>).</summary>
/// <param name="Start">First instant of the stretch (UTC).</param>
/// <param name="End">Instant the stretch ends (UTC, exclusive).</param>
public readonly record struct BusinessInterval(DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>Elapsed time of the stretch; every tick of it is business time.</summary>
    public TimeSpan Duration => End - Start;
}
