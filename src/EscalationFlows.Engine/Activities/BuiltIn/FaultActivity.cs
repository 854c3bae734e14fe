using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Fails on purpose with a message; the workflow's incident strategy decides what follows.</summary>
public sealed class FaultActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Fault",
        Category = BuiltInCategories.Flow,
        DisplayName = "Fault",
        Description = "Raises an incident with a message; the workflow's incident strategy decides what follows.",
        Inputs =
        [
            new InputDescriptor { Name = "message", DisplayName = "Message", Type = "string", Required = true, DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor { Name = "code", DisplayName = "Code", Type = "string", Default = JsonValue.Create("fault"), SupportsExpressions = false },
        ],
        Ports = [],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context) =>
        throw new WorkflowFaultException(context.GetInputString("code") ?? "fault", context.GetInputString("message") ?? "Fault.");
}
