namespace EscalationFlows.Escalations.Sla.Clocks;

/// <summary>
/// A clock's ledger in plain English: every span from the start until the query instant, in time order. The
/// <see cref="SlaExplanationLine.Counted"/> values add up to <see cref="Counted"/>, the clock's elapsed business time.
/// </summary>
/// <param name="Lines">The ledger lines in time order.</param>
/// <param name="Counted">Total business time counted (the sum of the counted lines).</param>
/// <param name="Summary">One sentence about where the clock stands.</param>
public sealed record SlaExplanation(IReadOnlyList<SlaExplanationLine> Lines, TimeSpan Counted, string Summary)
{
    /// <summary>The summary followed by one line per ledger line.</summary>
    public override string ToString() =>
        string.Join(Environment.NewLine, Lines.Select(l => l.Text).Prepend(Summary));
}
