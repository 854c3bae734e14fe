namespace EscalationFlows.Escalations.Routing;

/// <summary>What a route rule is matched against.</summary>
public sealed record RouteFacts(int? Priority, string? Category, string? SlaStatus, string? ClientTier);
