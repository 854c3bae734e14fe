namespace EscalationFlows.Escalations.Context;

/// <summary>The values of <see cref="ContextSummary.Method"/>.</summary>
public static class SummaryMethods
{
    /// <summary>Sentences quoted from the timeline by the built-in offline summarizer.</summary>
    public const string Extractive = "extractive";

    /// <summary>Sentences written by the configured model, each citing timeline entries that exist.</summary>
    public const string Model = "model";
}
