namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>One interval of an SLA clock's ledger, [<paramref name="Start"/>, <paramref name="End"/>); the last one may be open.</summary>
/// <param name="Kind">Running or paused.</param>
/// <param name="Start">When the interval began (UTC).</param>
/// <param name="End">When it ended; null while it is the current interval.</param>
/// <param name="Reason">Pause reason, for example "awaiting client"; null for running intervals.</param>
public sealed record SlaLedgerInterval(SlaLedgerIntervalKind Kind, DateTimeOffset Start, DateTimeOffset? End, string? Reason);
