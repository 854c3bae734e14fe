using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>A test activity that queues an outbox message of kind <see cref="Kind"/> (like a mail step would).</summary>
public sealed class NotifyActivity : Activity
{
    public const string TypeName = "Test.Notify";
    public const string Kind = "test.notify";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = TypeName,
        Category = "Test",
        DisplayName = "Notify (test)",
        Inputs = [new InputDescriptor { Name = "text", DisplayName = "Text", Type = "string", SupportsExpressions = false }],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SendOutbox(Kind, new JsonObject { ["text"] = context.GetInputString("text") });
        context.RecordEffect("test.effect", new JsonObject { ["text"] = context.GetInputString("text") });
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
