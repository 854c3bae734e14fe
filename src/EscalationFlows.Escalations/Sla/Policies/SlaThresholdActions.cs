namespace EscalationFlows.Escalations.Sla.Policies;

/// <summary>The action labels the default thresholds use; policies may use other lowercase labels.</summary>
public static class SlaThresholdActions
{
    /// <summary>Notify the assignee that time is running.</summary>
    public const string Warn = "warn";

    /// <summary>The SLA is at risk: involve a manager or the next level.</summary>
    public const string Escalate = "escalate";

    /// <summary>The target is used up: the SLA is breached.</summary>
    public const string Breach = "breach";
}
