namespace EscalationFlows.Escalations.Records;

/// <summary>The stages of an escalation, in the order a normal lifecycle passes them.</summary>
public static class EscalationStages
{
    public const string Triage = "Triage";
    public const string Assignment = "Assignment";
    public const string Investigation = "Investigation";
    public const string Resolution = "Resolution";
    public const string AwaitingClient = "AwaitingClient";
    public const string Closure = "Closure";
    public const string Closed = "Closed";

    /// <summary>Not escalated after all: the original handler keeps the ticket, with guidance.</summary>
    public const string ReturnedToHandler = "ReturnedToHandler";

    public static IReadOnlyList<string> All { get; } = [Triage, Assignment, Investigation, Resolution, AwaitingClient, Closure, Closed, ReturnedToHandler];

    /// <summary>Stages in which the escalation is over (no owner workload, the ticket may be escalated again).</summary>
    public static bool IsFinal(string? stage) => stage is Closed or ReturnedToHandler;

    /// <summary>The stage with this name, ignoring case; null when unknown.</summary>
    public static string? Normalize(string? stage) =>
        All.FirstOrDefault(s => string.Equals(s, stage?.Trim(), StringComparison.OrdinalIgnoreCase));
}
