namespace EscalationFlows.Escalations.Context;

/// <summary>A sentence of entry <see cref="Order"/> (chronological index) on <see cref="Line"/>, its tokens and, once scored, its score.</summary>
internal sealed record ScoredSentence(int Order, int Line, int Position, string Text, List<string> Tokens)
{
    public double Score { get; set; }
}
