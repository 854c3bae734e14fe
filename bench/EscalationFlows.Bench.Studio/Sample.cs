namespace EscalationFlows.Bench.Studio;

/// <summary>One measured opening: milliseconds from navigation start to the first node and to the property panel.</summary>
public sealed record Sample(double FirstNode, double Panel, int Nodes);
