namespace EscalationFlows.Escalations.Context;

/// <summary>A summary for the resolution team. <see cref="Method"/> is "extractive" or "model"; <see cref="FallbackReason"/> says why the model was not used.</summary>
public sealed record ContextSummary(IReadOnlyList<SummarySentence> Sentences, string Method, string? Model = null, string? FallbackReason = null);
