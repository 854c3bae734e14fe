using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Tests.Support;

/// <summary>A test activity that waits on an event and whose continuation fails on its first attempt.</summary>
public sealed class FlakyResumeActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Test.FlakyResume",
        Category = "Test",
        DisplayName = "Flaky resume (test)",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.Event,
        Outputs = [new OutputDescriptor { Name = "received" }],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        context.CreateBookmark(BookmarkKinds.Event, stimulusName: "flaky", payload: new JsonObject { ["purpose"] = "test" });
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        if (context.Attempt < 2)
        {
            throw new WorkflowFaultException("downstream-unavailable", "The downstream system did not answer.");
        }

        context.SetOutput("received", input?.DeepClone());
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
