using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Sets a declared workflow variable to the value of an expression.</summary>
public sealed class SetVariableActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "SetVariable",
        Category = BuiltInCategories.Data,
        DisplayName = "Set variable",
        Description = "Sets a declared workflow variable to the value of an expression.",
        Inputs =
        [
            new InputDescriptor { Name = "variable", DisplayName = "Variable", Type = "string", Required = true, SupportsExpressions = false, UiHint = "variable-picker" },
            new InputDescriptor { Name = "value", DisplayName = "Value", Type = "any", Required = true, DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
        ],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        var name = node.GetInput("variable")?.Expression.Text;
        if (name is not null && !(context.Definition.Variables ?? []).Any(v => string.Equals(v.Name, name, StringComparison.Ordinal)))
        {
            context.AddError($"{context.InputPointer("variable")}/expression/value", DefinitionErrorCodes.UndeclaredVariable,
                $"The variable '{name}' is not declared; add it to the workflow's variables.");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.GetRequiredInput<string>("variable");
        context.SetVariable(name, context.GetInput("value"));
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
