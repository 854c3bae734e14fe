using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Starts a new instance of a published workflow when the named event arrives.</summary>
public sealed class EventTriggerActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "EventTrigger",
        Category = BuiltInCategories.Events,
        DisplayName = "Event trigger",
        Description = "Starts a new instance of the published version when the named event arrives; the payload is its output.",
        Kind = ActivityKind.Trigger,
        Inputs =
        [
            new InputDescriptor { Name = "eventName", DisplayName = "Event name", Type = "string", Required = true, SupportsExpressions = false },
        ],
        Outputs = [new OutputDescriptor { Name = "payload", Type = "object", Description = "The event payload." }],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.SetOutput("payload", context.TriggerPayload?.DeepClone() ?? new JsonObject());
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
