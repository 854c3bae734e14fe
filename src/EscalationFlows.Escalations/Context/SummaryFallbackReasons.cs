namespace EscalationFlows.Escalations.Context;

/// <summary>The values of <see cref="ContextSummary.FallbackReason"/>: why a configured model's answer was not used.</summary>
public static class SummaryFallbackReasons
{
    /// <summary>The model did not answer within <c>Ai:Timeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>The call failed (connection refused, HTTP error status, authentication).</summary>
    public const string Error = "error";

    /// <summary>The answer was not the requested JSON (not parseable, wrong shape, no sentences).</summary>
    public const string InvalidOutput = "invalid-output";

    /// <summary>The answer was JSON, but no sentence cited only existing timeline entries.</summary>
    public const string UnknownCitations = "unknown-citations";

    /// <summary>The timeline has no entry with text: there is nothing a model sentence could cite.</summary>
    public const string EmptyTimeline = "empty-timeline";
}
