using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Severity;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Priority and severity label from impact × urgency through a configured matrix profile (<c>itil</c> by default,
/// <c>servicenow-uci</c>, or one from <c>Escalations:Severity:Profiles</c>), raised by the keyword and category rules
/// (outage, security, data loss). Records the classification and the reasons on the escalation.
/// </summary>
public sealed class ClassifySeverityActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.ClassifySeverity",
        Category = Category,
        DisplayName = "Classify severity",
        Description = "Sets priority and severity from impact × urgency (a configured matrix profile) and keyword/category rules, with the reasons.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor { Name = "impact", DisplayName = "Impact (1–3)", Type = "integer", Required = true, DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "urgency", DisplayName = "Urgency (1–3)", Type = "integer", Required = true, DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "category", DisplayName = "Category", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "text", DisplayName = "Text for the keyword rules", Description = "Usually the title and description.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor
            {
                Name = "profile",
                DisplayName = "Matrix profile",
                Description = "A profile of Escalations:Severity:Profiles. Default: the configured default profile (itil).",
                Type = "string",
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [SeverityDefaults.Itil, SeverityDefaults.ServiceNowUci],
            },
            new InputDescriptor { Name = "applyRules", DisplayName = "Apply keyword and category rules", Type = "boolean", Default = true, SupportsExpressions = false, UiHint = "checkbox" },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "priority", Type = "integer" },
            new OutputDescriptor { Name = "severity", Type = "string", Description = "The label: Critical, High, Moderate, Low, Planning." },
            new OutputDescriptor { Name = "matrixPriority", Type = "integer", Description = "The priority before the rules." },
            new OutputDescriptor { Name = "profile", Type = "string" },
            new OutputDescriptor { Name = "reasons", Type = "array" },
        ],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var name in new[] { "impact", "urgency" })
        {
            if (node.GetInput(name)?.Expression is { Type: ExpressionType.Literal, Value: JsonValue value } && (!value.TryGetValue<int>(out var level) || level is < 1 or > 3))
            {
                context.AddError(ValuePointer(context, name), DefinitionErrorCodes.InvalidValue, $"The {name} is 1 (high), 2 (medium) or 3 (low).");
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var classifier = context.Services.GetRequiredService<SeverityClassifier>();
        var impact = Integer(context, "impact") ?? throw new WorkflowFaultException("input-missing", $"'{context.Node.DisplayName}' needs the impact (1–3).");
        var urgency = Integer(context, "urgency") ?? throw new WorkflowFaultException("input-missing", $"'{context.Node.DisplayName}' needs the urgency (1–3).");
        var profile = Text(context, "profile");
        if (profile is not null && !classifier.HasProfile(profile))
        {
            throw new WorkflowFaultException("severity-profile-unknown", $"There is no severity profile '{profile}'; configured: {string.Join(", ", classifier.ProfileNames)}.");
        }

        if (impact is < 1 or > 3 || urgency is < 1 or > 3)
        {
            throw new WorkflowFaultException("input-type", $"Impact and urgency are 1 (high) to 3 (low); got impact {impact}, urgency {urgency}.");
        }

        var category = Text(context, "category");
        var result = classifier.Classify(impact, urgency, category, Text(context, "text"), profile, Flag(context, "applyRules", fallback: true));
        Record(context, NewEffect(context, escalationId) with
        {
            Set = new EscalationFieldChanges
            {
                Impact = impact,
                Urgency = urgency,
                Category = category,
                Priority = result.Priority,
                Severity = result.Label,
                SeverityReasons = result.Reasons,
            },
            Timeline = [new TimelineNote("classified", $"Classified P{result.Priority} {result.Label}: {string.Join(" ", result.Reasons)}",
                new JsonObject { ["impact"] = impact, ["urgency"] = urgency, ["profile"] = result.Profile, ["matrixPriority"] = result.MatrixPriority })],
        });
        context.SetOutput("priority", result.Priority);
        context.SetOutput("severity", result.Label);
        context.SetOutput("matrixPriority", result.MatrixPriority);
        context.SetOutput("profile", result.Profile);
        context.SetOutput("reasons", new JsonArray([.. result.Reasons.Select(r => JsonValue.Create(r))]));
        return ValueTask.FromResult(ActivityResult.Done());
    }
}
