using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Waits for a named event, optionally only the one carrying a given correlation id.</summary>
public sealed class WaitForEventActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "WaitForEvent",
        Category = BuiltInCategories.Events,
        DisplayName = "Wait for event",
        Description = "Waits for a named event (POST /api/events/{name}) with a matching correlation id.",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.Event,
        Inputs =
        [
            new InputDescriptor { Name = "eventName", DisplayName = "Event name", Type = "string", Required = true, SupportsExpressions = false },
            new InputDescriptor
            {
                Name = "correlationId",
                DisplayName = "Correlation id",
                Description = "Only an event with this correlation id resumes the wait. Defaults to the instance's correlation id.",
                Type = "string",
                DefaultExpressionType = ExpressionType.JavaScript,
            },
        ],
        Outputs = [new OutputDescriptor { Name = "payload", Type = "object", Description = "The event payload." }],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var name = context.GetRequiredInput<string>("eventName");
        var correlation = context.HasInput("correlationId") ? context.GetInputString("correlationId") : context.CorrelationId;
        context.CreateBookmark(BookmarkKinds.Event, stimulusName: name, correlationId: correlation, payload: new JsonObject { ["eventName"] = name });
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        context.SetOutput("payload", input?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
