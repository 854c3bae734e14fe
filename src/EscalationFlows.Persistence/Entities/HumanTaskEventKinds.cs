namespace EscalationFlows.Persistence.Entities;

/// <summary>The values of <see cref="HumanTaskEventRow.Kind"/>.</summary>
public static class HumanTaskEventKinds
{
    public const string Created = "created";
    public const string Claimed = "claimed";
    public const string Released = "released";
    public const string Reassigned = "reassigned";
    public const string EscalatedOnDeadline = "escalated-on-deadline";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
    public const string ClientLinkIssued = "client-link-issued";

    /// <summary>The actor of what the engine does by itself (creation, escalation, cancellation).</summary>
    public const string System = "system";
}
