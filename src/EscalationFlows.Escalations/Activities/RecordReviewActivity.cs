using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Records the post-escalation review — a root-cause category from a fixed taxonomy, the preventive actions and what to
/// change in the process — and closes the escalation (stage Closed). The record is kept for trend analysis.
/// </summary>
public sealed class RecordReviewActivity : Activity
{
    public static IReadOnlyList<string> DefaultTaxonomy { get; } =
    [
        "software-defect", "configuration-change", "capacity", "third-party", "infrastructure-failure", "process-gap", "knowledge-gap", "human-error",
        "security", "client-environment", "unknown",
    ];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.RecordReview",
        Category = Category,
        DisplayName = "Record review and close",
        Description = "Stores the post-escalation review (root cause from the taxonomy, preventive actions, process changes) and closes the escalation.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor { Name = "rootCauseCategory", DisplayName = "Root cause category", Type = "string", Required = true, DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "preventiveActions", DisplayName = "Preventive actions", Type = "array", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "processChanges", DisplayName = "What to change in the process", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "notes", DisplayName = "Review notes", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor
            {
                Name = "taxonomy",
                DisplayName = "Root-cause taxonomy",
                Type = "array",
                Default = new JsonArray([.. DefaultTaxonomy.Select(t => JsonValue.Create(t))]),
                SupportsExpressions = false,
                UiHint = "json",
            },
            new InputDescriptor { Name = "reviewer", DisplayName = "Reviewer", Description = "Who did the review (user id); names the closure's owner.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "rootCauseCategory", Type = "string" },
            new OutputDescriptor { Name = "closedAt", Type = "datetime" },
        ],
    };

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var taxonomy = Texts(context, "taxonomy");
        var rootCause = Text(context, "rootCauseCategory") ?? throw new WorkflowFaultException("input-missing", "The review needs a root-cause category.");
        var known = taxonomy.FirstOrDefault(t => string.Equals(t, rootCause, StringComparison.OrdinalIgnoreCase))
            ?? throw new WorkflowFaultException("review-invalid", $"'{rootCause}' is not in the root-cause taxonomy ({string.Join(", ", taxonomy)}).");
        var actions = Texts(context, "preventiveActions");
        var reviewer = Text(context, "reviewer");
        Record(context, NewEffect(context, escalationId) with
        {
            Actor = reviewer ?? EscalationEffect.SystemActor,
            Set = new EscalationFieldChanges
            {
                RootCauseCategory = known,
                PreventiveActions = actions,
                ProcessChanges = Text(context, "processChanges"),
                ReviewNotes = Text(context, "notes"),
            },
            Timeline = [new TimelineNote("reviewed",
                $"Review recorded: root cause {known}; {actions.Count} preventive action{(actions.Count == 1 ? string.Empty : "s")}{(actions.Count == 0 ? string.Empty : $" ({string.Join("; ", actions)})")}.")],
            Stage = new StageChange { Stage = EscalationStages.Closed, Owner = reviewer, Reason = "the post-escalation review is recorded" },
        });
        context.SetOutput("rootCauseCategory", known);
        context.SetOutput("closedAt", context.Now.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
