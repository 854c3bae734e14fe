namespace EscalationFlows.Engine.Definitions;

/// <summary>How an activity input gets its value.</summary>
public sealed record InputBinding
{
    public required ExpressionDefinition Expression { get; init; }

    public static InputBinding Literal(System.Text.Json.Nodes.JsonNode? value) =>
        new() { Expression = new ExpressionDefinition { Type = ExpressionType.Literal, Value = value } };
}
