namespace EscalationFlows.Escalations.Routing;

/// <summary>The first rule that matched (index from 0) and why.</summary>
public sealed record RouteMatch(int Index, RouteRule Rule, string Explanation);
