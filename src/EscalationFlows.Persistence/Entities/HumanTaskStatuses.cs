namespace EscalationFlows.Persistence.Entities;

/// <summary>The values of <see cref="HumanTaskRow.Status"/>.</summary>
public static class HumanTaskStatuses
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}
