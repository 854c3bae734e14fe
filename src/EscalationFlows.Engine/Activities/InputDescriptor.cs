using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Activities;

/// <summary>Describes one activity input for validation and for the designer's property panel.</summary>
public sealed record InputDescriptor
{
    public required string Name { get; init; }

    public string? DisplayName { get; init; }

    public string? Description { get; init; }

    /// <summary>string, number, integer, boolean, object, array, datetime, duration or any.</summary>
    public string Type { get; init; } = "string";

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>Whether the value may be a JavaScript, template, variable or input expression (else literal only).</summary>
    public bool SupportsExpressions { get; init; } = true;

    /// <summary>The expression type the designer proposes for a new value.</summary>
    public string DefaultExpressionType { get; init; } = ExpressionType.Literal;

    /// <summary>singleline, multiline, code, dropdown, checkbox, json, duration, datetime, decision-table, form-designer, outcomes, variable-picker, workflow-picker.</summary>
    public string UiHint { get; init; } = "singleline";

    /// <summary>Choices for a dropdown.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Whether a template in this input renders HTML (strings from the model are HTML-escaped).</summary>
    public bool Html { get; init; }
}
