using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>
/// Runs the published version of another workflow as a child and waits for it. The child is started through
/// the outbox after this burst commits, and its completion resumes this bookmark exactly once.
/// </summary>
public sealed class RunWorkflowActivity : Activity
{
    public const string FailedPort = "Failed";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "RunWorkflow",
        Category = BuiltInCategories.Composition,
        DisplayName = "Run workflow",
        Description = "Runs the published version of another workflow as a child and continues when it finishes (Failed if it is cancelled).",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.ChildWorkflow,
        Inputs =
        [
            new InputDescriptor { Name = "definitionId", DisplayName = "Workflow", Type = "string", Required = true, SupportsExpressions = false, UiHint = "workflow-picker" },
            new InputDescriptor { Name = "input", DisplayName = "Input", Type = "object", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
            new InputDescriptor { Name = "correlationId", DisplayName = "Correlation id", Type = "string", Description = "Defaults to this instance's correlation id.", DefaultExpressionType = ExpressionType.JavaScript },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "output", Type = "object", Description = "The child's outputs." },
            new OutputDescriptor { Name = "childInstanceId", Type = "string" },
            new OutputDescriptor { Name = "error", Type = "string", Description = "Why the child did not finish (on the Failed port)." },
        ],
        Ports = [Ports.Done, FailedPort],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var definitionId = context.GetRequiredInput<string>("definitionId");
        var input = context.GetInput("input");
        if (input is not null and not JsonObject)
        {
            throw new WorkflowFaultException("input-type", $"The input of '{context.Node.DisplayName}' should be an object but is {input.ToJsonString()}.");
        }

        var correlationId = context.HasInput("correlationId") ? context.GetInputString("correlationId") : context.CorrelationId;
        var childId = context.NewId();
        var bookmark = context.CreateBookmark(BookmarkKinds.ChildWorkflow, correlationId: correlationId,
            payload: new JsonObject { ["childInstanceId"] = childId, ["definitionId"] = definitionId });
        context.SendOutbox(OutboxKinds.StartChild, new JsonObject
        {
            ["childInstanceId"] = childId,
            ["definitionId"] = definitionId,
            ["input"] = input?.DeepClone() ?? new JsonObject(),
            ["correlationId"] = correlationId,
            ["parentInstanceId"] = context.InstanceId,
            ["parentBookmarkId"] = bookmark.Id,
        });
        context.SetOutput("childInstanceId", childId);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        var status = input?["status"]?.GetValue<string>();
        context.SetOutput("childInstanceId", bookmark.Payload?["childInstanceId"]?.DeepClone());
        context.SetOutput("output", input?["output"]?.DeepClone());
        if (string.Equals(status, nameof(WorkflowStatus.Finished), StringComparison.Ordinal))
        {
            return ValueTask.FromResult(ActivityResult.Done());
        }

        context.SetOutput("error", input?["error"]?.DeepClone() ?? JsonValue.Create($"The child workflow ended {status?.ToLowerInvariant() ?? "without a status"}."));
        return ValueTask.FromResult(ActivityResult.Outcome(FailedPort));
    }

    public override ValueTask OnCancelledAsync(ActivityExecutionContext context, Bookmark bookmark)
    {
        if (bookmark.Payload?["childInstanceId"]?.GetValue<string>() is { } childId)
        {
            context.SendOutbox(OutboxKinds.CancelChild, new JsonObject { ["childInstanceId"] = childId });
        }

        return ValueTask.CompletedTask;
    }
}
