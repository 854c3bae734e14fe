namespace EscalationFlows.Escalations.Records;

/// <summary>Why an escalation was raised.</summary>
public static class TriggerReasons
{
    /// <summary>The ticket's SLA reached its at-risk threshold before anyone escalated it.</summary>
    public const string SlaRisk = "sla-risk";

    /// <summary>The client asked for the escalation.</summary>
    public const string ClientRequest = "client-request";

    /// <summary>The frontline handler flagged the ticket.</summary>
    public const string ManualFlag = "manual-flag";

    /// <summary>The ticket's SLA was breached before anyone escalated it.</summary>
    public const string SlaBreach = "sla-breach";

    public static IReadOnlyList<string> All { get; } = [SlaRisk, ClientRequest, ManualFlag, SlaBreach];

    public static bool IsKnown(string? reason) => All.Contains(reason, StringComparer.Ordinal);
}
