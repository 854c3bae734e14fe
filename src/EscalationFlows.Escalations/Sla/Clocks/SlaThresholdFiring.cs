namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>A threshold that has fired; it never fires again on the same clock.</summary>
/// <param name="Percent">The threshold's percentage.</param>
/// <param name="FiredAt">When it fired.</param>
public sealed record SlaThresholdFiring(int Percent, DateTimeOffset FiredAt);
