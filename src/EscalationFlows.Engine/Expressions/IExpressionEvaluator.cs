using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Expressions;

/// <summary>Evaluates any expression kind against a scope. Thread-safe.</summary>
public interface IExpressionEvaluator
{
    /// <param name="html">For templates: HTML-escape every string taken from the scope.</param>
    JsonNode? Evaluate(ExpressionDefinition expression, ExpressionScope scope, bool html = false, CancellationToken cancellationToken = default);

    /// <summary>Checks an expression without running it; returns a plain sentence per problem.</summary>
    IReadOnlyList<ExpressionProblem> Check(ExpressionDefinition expression);
}
