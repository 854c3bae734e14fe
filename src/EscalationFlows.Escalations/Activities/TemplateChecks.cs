using System.Text.Json;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;
using Scriban;
using Scriban.Parsing;

namespace EscalationFlows.Escalations.Activities;

/// <summary>Checks that literal message templates parse when a definition is validated (names are checked when they render).</summary>
public static class TemplateChecks
{
    public static void Check(ActivityNode node, ActivityValidationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node.GetInput(input)?.Expression is not { Value: { } value })
        {
            return;
        }

        if (value.GetValueKind() != JsonValueKind.String)
        {
            context.AddError(EscalationActivitySupport.ValuePointer(context, input), DefinitionErrorCodes.InvalidValue, $"'{input}' is a template text.");
            return;
        }

        var template = Template.Parse(value.GetValue<string>(), lexerOptions: new LexerOptions { Mode = ScriptMode.Default });
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            context.AddError(EscalationActivitySupport.ValuePointer(context, input), DefinitionErrorCodes.InvalidValue,
                $"The template does not parse: {first.Message} (line {first.Span.Start.Line + 1}, column {first.Span.Start.Column + 1}).");
        }
    }
}
