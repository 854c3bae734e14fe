using System.Text.Json;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Evaluates a condition and continues on <c>True</c> or <c>False</c>.</summary>
public sealed class DecisionActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Decision",
        Category = BuiltInCategories.Flow,
        DisplayName = "Decision",
        Description = "Evaluates a condition and continues on True or False.",
        Inputs =
        [
            new InputDescriptor
            {
                Name = "condition",
                DisplayName = "Condition",
                Description = "A JavaScript expression, e.g. ticket.impact <= 2 && vars.slaRemainingPercent < 25.",
                Type = "boolean",
                Required = true,
                DefaultExpressionType = ExpressionType.JavaScript,
                UiHint = "code",
            },
        ],
        Ports = [Ports.True, Ports.False],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var value = context.GetInput("condition");
        var result = value?.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null or null => false,
            _ => throw new WorkflowFaultException("input-type", $"The condition of '{context.Node.DisplayName}' should be true or false but is {value!.ToJsonString()}."),
        };
        return ValueTask.FromResult(ActivityResult.Outcome(result ? Ports.True : Ports.False));
    }
}
