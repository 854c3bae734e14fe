namespace EscalationFlows.Escalations.Sla.Policies;

/// <summary>A subject status that pauses the SLA clock, with the plain-English reason shown in ledgers ("awaiting client").</summary>
public sealed record SlaPauseCondition
{
    /// <summary>The status id, for example "awaiting-client"; compared ignoring case.</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>Reason written in the ledger, for example "awaiting client".</summary>
    public string Reason { get; init; } = string.Empty;

    /// <summary>The pause conditions used when a policy does not list its own: awaiting-client and on-hold-by-client.</summary>
    public static IReadOnlyList<SlaPauseCondition> Defaults { get; } =
    [
        new() { Status = "awaiting-client", Reason = "awaiting client" },
        new() { Status = "on-hold-by-client", Reason = "on hold by client" },
    ];
}
