namespace EscalationFlows.Escalations.Routing;

/// <summary>A problem with a decision table: the JSON pointer inside the rules array and a sentence.</summary>
public sealed record RouteTableProblem(string Pointer, string Message);
