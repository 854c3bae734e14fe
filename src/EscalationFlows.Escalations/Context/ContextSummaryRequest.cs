using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Context;

/// <summary>What to summarise: the escalation's title/description, its timeline, prior resolution attempts and account data.</summary>
public sealed record ContextSummaryRequest(string Title, string? Description, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<string>? PriorAttempts = null, JsonObject? Account = null);
