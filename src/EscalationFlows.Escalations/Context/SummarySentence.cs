namespace EscalationFlows.Escalations.Context;

/// <summary>A sentence of a summary and the ids of the timeline entries it is based on (never empty).</summary>
public sealed record SummarySentence(string Text, IReadOnlyList<string> Citations);
