using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Expressions;

/// <summary>Dispatches on the expression kind: literal, variable, input, javascript, template.</summary>
public sealed class ExpressionEvaluator : IExpressionEvaluator
{
    private readonly JavaScriptEvaluator _javaScript;
    private readonly TemplateRenderer _templates;

    public ExpressionEvaluator(JavaScriptEvaluator javaScript, TemplateRenderer templates)
    {
        _javaScript = javaScript;
        _templates = templates;
    }

    public JsonNode? Evaluate(ExpressionDefinition expression, ExpressionScope scope, bool html = false, CancellationToken cancellationToken = default)
    {
        switch (expression.Type)
        {
            case ExpressionType.Literal:
                return expression.Value?.DeepClone();
            case ExpressionType.Variable:
                return Lookup(scope, "vars", RequireText(expression), "variable");
            case ExpressionType.Input:
                return Lookup(scope, "input", RequireText(expression), "input");
            case ExpressionType.JavaScript:
                return _javaScript.Evaluate(RequireText(expression), scope, cancellationToken);
            case ExpressionType.Template:
                return JsonValue.Create(_templates.Render(RequireText(expression), scope, html, cancellationToken));
            default:
                throw new ExpressionException(ExpressionErrorCodes.Error, $"'{expression.Type}' is not an expression type; use one of {string.Join(", ", ExpressionType.All)}.");
        }
    }

    public IReadOnlyList<ExpressionProblem> Check(ExpressionDefinition expression)
    {
        try
        {
            switch (expression.Type)
            {
                case ExpressionType.Literal:
                    return [];
                case ExpressionType.Variable:
                    return [new ExpressionProblem("variable-reference", string.Empty, RequireText(expression))];
                case ExpressionType.Input:
                    return [new ExpressionProblem("input-reference", string.Empty, RequireText(expression))];
                case ExpressionType.JavaScript:
                    return [.. _javaScript.Check(RequireText(expression)).Select(name => new ExpressionProblem("variable-reference", string.Empty, name))];
                case ExpressionType.Template:
                    _templates.Check(RequireText(expression));
                    return [];
                default:
                    return [new ExpressionProblem(ExpressionErrorCodes.Parse, $"'{expression.Type}' is not an expression type; use one of {string.Join(", ", ExpressionType.All)}.")];
            }
        }
        catch (ExpressionException ex)
        {
            return [new ExpressionProblem(ex.Code, ex.Message)];
        }
    }

    private static string RequireText(ExpressionDefinition expression) =>
        expression.Text ?? throw new ExpressionException(ExpressionErrorCodes.Parse, $"A {expression.Type} expression needs its value as a string.");

    private static JsonNode? Lookup(ExpressionScope scope, string container, string name, string what)
    {
        if (scope.TryGet(container, name, out var value))
        {
            return value?.DeepClone();
        }

        throw new ExpressionException(ExpressionErrorCodes.Error, $"The {what} '{name}' does not exist in this instance.");
    }
}
