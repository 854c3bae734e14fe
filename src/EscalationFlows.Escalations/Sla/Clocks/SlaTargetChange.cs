namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>A recorded change of a clock's target (policy or priority change); the new target applies to the whole clock.</summary>
/// <param name="At">When the change happened.</param>
/// <param name="PreviousTarget">Target before the change.</param>
/// <param name="NewTarget">Target after the change.</param>
/// <param name="Reason">Why, in plain words ("priority raised to P2").</param>
public sealed record SlaTargetChange(DateTimeOffset At, TimeSpan PreviousTarget, TimeSpan NewTarget, string Reason);
