namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>How long a clock was paused for one reason.</summary>
/// <param name="Reason">The pause reason ("awaiting client").</param>
/// <param name="WallTime">Elapsed (wall) time paused.</param>
/// <param name="BusinessTime">Business time that fell inside those pauses and so was not counted.</param>
public sealed record SlaPauseTotal(string Reason, TimeSpan WallTime, TimeSpan BusinessTime);
