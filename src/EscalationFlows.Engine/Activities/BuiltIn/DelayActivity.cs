using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Waits for a duration on a durable timer bookmark.</summary>
public sealed class DelayActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Delay",
        Category = BuiltInCategories.Timing,
        DisplayName = "Delay",
        Description = "Waits for a duration (ISO 8601, e.g. PT4H) on a durable timer.",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.Timer,
        Inputs =
        [
            new InputDescriptor { Name = "duration", DisplayName = "Duration", Type = "duration", Required = true, UiHint = "duration" },
        ],
        Outputs = [TimerOutput.Result],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        var text = context.GetRequiredInput<string>("duration");
        if (!Durations.TryParse(text, out var duration))
        {
            throw new WorkflowFaultException("input-type", $"'{text}' is not a duration; write ISO 8601 such as PT30M.");
        }

        if (duration <= TimeSpan.Zero)
        {
            return ValueTask.FromResult(ActivityResult.Done());
        }

        context.CreateBookmark(BookmarkKinds.Timer, dueAt: context.Now + duration);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }
}
