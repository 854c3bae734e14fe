namespace EscalationFlows.Escalations.Context;

/// <summary>The best sentence of one timeline entry, its distinct terms and its score.</summary>
internal sealed record ExtractiveCandidate(int Order, TimelineEntry Entry, string Sentence, HashSet<string> Terms, double Score);
