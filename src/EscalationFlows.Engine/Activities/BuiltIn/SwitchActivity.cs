using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Continues on the port of the first case whose condition is true, else on <c>Default</c>.</summary>
public sealed class SwitchActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Switch",
        Category = BuiltInCategories.Flow,
        DisplayName = "Switch",
        Description = "Continues on the port of the first case whose condition is true, else on Default.",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "cases",
                DisplayName = "Cases",
                Description = "An ordered list of { port, condition }; condition is JavaScript.",
                Type = "array",
                Required = true,
                SupportsExpressions = false,
                UiHint = "switch-cases",
            },
        ],
        Ports = [Ports.Default],
        PortsFromInput = "cases",
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        if (node.GetInput("cases")?.Expression.Value is not JsonArray cases)
        {
            return;
        }

        var ports = new HashSet<string>(StringComparer.Ordinal) { Ports.Default };
        for (var i = 0; i < cases.Count; i++)
        {
            var pointer = $"{context.InputPointer("cases")}/expression/value/{i}";
            if (cases[i] is not JsonObject item)
            {
                context.AddError(pointer, DefinitionErrorCodes.InvalidValue, "Each case is an object with a 'port' name and a JavaScript 'condition'.");
                continue;
            }

            if (item["port"] is not JsonValue port || port.GetValueKind() != JsonValueKind.String || string.IsNullOrWhiteSpace(port.GetValue<string>()))
            {
                context.AddError($"{pointer}/port", DefinitionErrorCodes.InvalidValue, "The case needs a 'port': the name of the outcome it continues on.");
            }
            else if (!ports.Add(port.GetValue<string>()))
            {
                context.AddError($"{pointer}/port", DefinitionErrorCodes.InvalidValue,
                    $"The port '{port.GetValue<string>()}' is used twice (Default is always there); every case needs its own port.");
            }

            if (item["condition"] is not JsonValue condition || condition.GetValueKind() != JsonValueKind.String)
            {
                context.AddError($"{pointer}/condition", DefinitionErrorCodes.InvalidValue, "The case needs a 'condition': a JavaScript expression that is true or false.");
                continue;
            }

            context.CheckExpression(new ExpressionDefinition { Type = ExpressionType.JavaScript, Value = condition.DeepClone() }, $"{pointer}/condition");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var cases = context.GetInput<List<SwitchCase>>("cases") ?? [];
        var scope = context.GetScope();
        foreach (var item in cases)
        {
            var value = context.Evaluate(new ExpressionDefinition { Type = ExpressionType.JavaScript, Value = item.Condition }, scope: scope);
            if (value?.GetValueKind() == JsonValueKind.True)
            {
                return ValueTask.FromResult(ActivityResult.Outcome(item.Port));
            }
        }

        return ValueTask.FromResult(ActivityResult.Outcome(Ports.Default));
    }
}
