using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Sla.Scheduling;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Sla.Subjects;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>
/// Waits until a threshold of a subject's SLA fires (the <c>sla.threshold</c> event with correlation id = subject id),
/// optionally only one at or above a percentage and of one metric, and outputs the event's payload. A matching
/// threshold that already fired before the wait began completes it at once (payload with <c>alreadyFired: true</c>).
/// </summary>
public sealed class SlaWaitForThresholdActivity : Activity
{
    private const string Any = "any";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Sla.WaitForThreshold",
        Category = SlaActivityInputs.Category,
        DisplayName = "Wait for SLA threshold",
        Description = "Waits for the subject's next SLA threshold (sla.threshold event), optionally at or above a percentage.",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.Event,
        Inputs =
        [
            SlaActivityInputs.SubjectId,
            new InputDescriptor
            {
                Name = "minPercent",
                DisplayName = "At or above (%)",
                Description = "Only a threshold of at least this percentage completes the wait (for example 90). Default: any.",
                Type = "integer",
            },
            new InputDescriptor
            {
                Name = "metric",
                DisplayName = "Metric",
                Type = "string",
                Default = Any,
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [Any, SlaMetrics.Response, SlaMetrics.Resolution],
            },
            new InputDescriptor
            {
                Name = "includeFired",
                DisplayName = "Count thresholds already fired",
                Description = "When a matching threshold fired before the wait began, continue at once (default true).",
                Type = "boolean",
                Default = true,
                UiHint = "checkbox",
            },
        ],
        Outputs = [new OutputDescriptor { Name = "threshold", Type = "object", Description = "The sla.threshold event payload." }],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node.GetInput("minPercent")?.Expression is { Type: ExpressionType.Literal, Value: JsonValue value }
            && value.TryGetValue<int>(out var percent) && percent is < 0 or > 1000)
        {
            context.AddError($"{context.InputPointer("minPercent")}/expression/value", DefinitionErrorCodes.InvalidValue, $"The percentage must be 0 to 1000 (it is {percent}).");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subjectId = SlaActivityInputs.ReadSubjectId(context);
        var minPercent = context.GetInput<int?>("minPercent") ?? 0;
        var metric = context.GetInputString("metric") ?? Any;
        if (context.GetInput<bool?>("includeFired") ?? true)
        {
            var fired = await FindFiredAsync(context, subjectId, minPercent, metric);
            if (fired is not null)
            {
                context.SetOutput("threshold", fired);
                return ActivityResult.Done();
            }
        }

        Wait(context, subjectId, minPercent, metric);
        return ActivityResult.Suspend();
    }

    public override ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        var minPercent = bookmark.Payload?["minPercent"]?.GetValue<int>() ?? 0;
        var metric = bookmark.Payload?["metric"]?.GetValue<string>() ?? Any;
        if (Matches(input?["percentage"]?.GetValue<int>() ?? 0, input?["metric"]?.GetValue<string>(), minPercent, metric))
        {
            context.SetOutput("threshold", input?.DeepClone());
            return ValueTask.FromResult(ActivityResult.Done());
        }

        // A lower threshold (or another metric) fired: keep waiting for the one asked for.
        Wait(context, bookmark.CorrelationId ?? SlaActivityInputs.ReadSubjectId(context), minPercent, metric);
        return ValueTask.FromResult(ActivityResult.Suspend());
    }

    private static void Wait(ActivityExecutionContext context, string subjectId, int minPercent, string metric) =>
        context.CreateBookmark(BookmarkKinds.Event, stimulusName: SlaThresholdEvent.Name, correlationId: subjectId,
            payload: new JsonObject { ["eventName"] = SlaThresholdEvent.Name, ["minPercent"] = minPercent, ["metric"] = metric });

    private static bool Matches(int percent, string? firedMetric, int minPercent, string metric) =>
        percent >= minPercent && (metric == Any || string.Equals(firedMetric, metric, StringComparison.OrdinalIgnoreCase));

    private static async Task<JsonObject?> FindFiredAsync(ActivityExecutionContext context, string subjectId, int minPercent, string metric)
    {
        var store = context.Services.GetRequiredService<ISlaStore>();
        var service = context.Services.GetRequiredService<SlaClockService>();
        return await store.ReadAsync(async (session, ct) =>
        {
            foreach (var (stored, clock) in await service.GetClocksAsync(session, subjectId, ct))
            {
                var firing = clock.FiredThresholds.OrderBy(f => f.Percent)
                    .FirstOrDefault(f => Matches(f.Percent, SlaMetrics.Name(stored.Metric), minPercent, metric));
                var threshold = firing is null ? null : clock.Thresholds.FirstOrDefault(t => t.Percent == firing.Percent);
                if (firing is not null && threshold is not null)
                {
                    var ticket = stored.SubjectType == SlaSubjectType.Ticket ? await session.FindTicketAsync(subjectId, ct) : null;
                    var payload = SlaThresholdEvent.Payload(stored, clock, threshold, firing.FiredAt, firing.FiredAt, ticket);
                    payload["alreadyFired"] = true;
                    return payload;
                }
            }

            return null;
        }, context.CancellationToken);
    }
}
