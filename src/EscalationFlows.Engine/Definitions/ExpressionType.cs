namespace EscalationFlows.Engine.Definitions;

/// <summary>The expression kinds a definition may use.</summary>
public static class ExpressionType
{
    public const string Literal = "literal";
    public const string JavaScript = "javascript";
    public const string Template = "template";
    public const string Variable = "variable";
    public const string Input = "input";

    public static IReadOnlyList<string> All { get; } = [Literal, JavaScript, Template, Variable, Input];
}
