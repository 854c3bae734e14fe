namespace EscalationFlows.Server.Escalations;

/// <summary>The shipped lifecycle workflows (workflows/*.json) the API starts and reports on.</summary>
public static class EscalationWorkflows
{
    public const string Trigger = "escalation-trigger";
    public const string Triage = "escalation-triage";
    public const string Assignment = "escalation-assignment";
    public const string Resolution = "escalation-resolution";
    public const string Closure = "escalation-closure";

    /// <summary>Published when a frontline flag lands on a running escalation (correlation id = escalation id).</summary>
    public const string FlaggedEvent = "escalation.flagged";

    /// <summary>Published when someone elevates a running escalation through the API (correlation id = escalation id).</summary>
    public const string ElevatedEvent = "escalation.elevated";
}
