namespace EscalationFlows.Escalations.Context;

/// <summary>Writes a cited summary; never throws for a model failure (falls back to the extractive summary).</summary>
public interface IContextSummarizer
{
    Task<ContextSummary> SummarizeAsync(ContextSummaryRequest request, CancellationToken cancellationToken);
}
