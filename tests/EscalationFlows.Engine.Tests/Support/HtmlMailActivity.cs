using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>A test activity whose body input is HTML: templates in it escape strings taken from the instance.</summary>
public sealed class HtmlMailActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Test.Mail",
        Category = "Test",
        DisplayName = "Mail (test)",
        Inputs =
        [
            new InputDescriptor { Name = "subject", Type = "string", DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor { Name = "body", Type = "string", DefaultExpressionType = ExpressionType.Template, Html = true },
        ],
        Outputs = [new OutputDescriptor { Name = "subject" }, new OutputDescriptor { Name = "body" }],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetOutput("subject", context.GetInput("subject"));
        context.SetOutput("body", context.GetInput("body"));
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
