namespace EscalationFlows.Engine.Expressions;

/// <summary>A problem found by checking an expression without running it.</summary>
public sealed record ExpressionProblem(string Code, string Message, string? VariableName = null);
