using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>A test activity that sends one outbox message of kind <see cref="Kind"/> (like a mail would be).</summary>
public sealed class NotifyActivity : Activity
{
    public const string Kind = "test.notify";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Test.Notify",
        Category = "Test",
        DisplayName = "Notify (test)",
        Inputs = [new InputDescriptor { Name = "text", Type = "string", Required = true }],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SendOutbox(Kind, new JsonObject { ["text"] = context.GetInputString("text") });
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
