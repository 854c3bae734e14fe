using EscalationFlows.Escalations.Sla.Clocks;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>One raw ledger interval (running or paused) with the business time it counted.</summary>
public sealed record SlaLedgerLine
{
    public required SlaLedgerIntervalKind Kind { get; init; }

    public required DateTimeOffset From { get; init; }

    /// <summary>The end; null while it is the current interval.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Pause reason ("awaiting client").</summary>
    public string? Reason { get; init; }

    /// <summary>Business time counted in it (zero for pauses), up to the report instant.</summary>
    public required SlaDuration Counted { get; init; }

    /// <summary>Wall time it lasted, up to the report instant.</summary>
    public required SlaDuration Duration { get; init; }
}
