using System.Globalization;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Activities.BuiltIn;

/// <summary>Waits until a moment (or for a duration) on a durable timer bookmark.</summary>
public sealed class TimerActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Timer",
        Category = BuiltInCategories.Timing,
        DisplayName = "Timer",
        Description = "Waits until a date-time, or for a duration, on a durable timer. A moment in the past fires at once.",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.Timer,
        Inputs =
        [
            new InputDescriptor { Name = "until", DisplayName = "Until", Type = "datetime", UiHint = "datetime" },
            new InputDescriptor { Name = "duration", DisplayName = "Or after", Type = "duration", UiHint = "duration" },
        ],
        Outputs = [TimerOutput.Result],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        if (node.GetInput("until") is null && node.GetInput("duration") is null)
        {
            context.AddError($"{context.Pointer}/inputs", Validation.DefinitionErrorCodes.MissingRequiredInput, "A Timer needs either 'until' or 'duration'.");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        DateTimeOffset due;
        if (context.GetInputString("until") is { Length: > 0 } until)
        {
            if (!DateTimeOffset.TryParse(until, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out due))
            {
                throw new WorkflowFaultException("input-type", $"'{until}' is not a date-time; write ISO 8601 such as 2026-12-01T09:00:00Z.");
            }
        }
        else
        {
            var text = context.GetRequiredInput<string>("duration");
            if (!Durations.TryParse(text, out var duration))
            {
                throw new WorkflowFaultException("input-type", $"'{text}' is not a duration; write ISO 8601 such as PT30M.");
            }

            due = context.Now + duration;
        }

        if (due <= context.Now)
        {
            // A moment already past fires at once, without a round trip through the timer store.
            return ValueTask.FromResult(ActivityResult.Done());
        }

        context.CreateBookmark(BookmarkKinds.Timer, dueAt: due.ToUniversalTime());
        return ValueTask.FromResult(ActivityResult.Suspend());
    }
}
