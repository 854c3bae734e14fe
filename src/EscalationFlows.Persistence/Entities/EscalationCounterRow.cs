namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A named counter (table <c>esc_counters</c>): the escalation number is taken by incrementing the <c>escalation</c>
/// row inside the step's transaction, so numbers are gap-free (a rolled-back step gives its number back) and never
/// handed out twice (the row is locked until the transaction ends; SQLite serialises writers anyway).
/// </summary>
public sealed class EscalationCounterRow
{
    public const string Escalation = "escalation";

    public required string Name { get; set; }

    public long Value { get; set; }
}
