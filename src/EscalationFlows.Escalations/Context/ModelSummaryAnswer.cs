namespace EscalationFlows.Escalations.Context;

/// <summary>What <see cref="ModelSummaryParser"/> made of a model's answer: the valid sentences, how many were dropped and why none were usable.</summary>
internal sealed record ModelSummaryAnswer(IReadOnlyList<SummarySentence> Sentences, int Dropped, string? FailureReason, string? FailureDetail);
