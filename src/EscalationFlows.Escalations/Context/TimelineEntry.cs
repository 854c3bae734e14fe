namespace EscalationFlows.Escalations.Context;

/// <summary>One event of an escalation's history as the summarizer sees it; <see cref="Id"/> is what summaries cite.</summary>
public sealed record TimelineEntry(string Id, DateTimeOffset At, string Actor, string Kind, string Text, string? Source = null);
