using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Moves the escalation to a stage (naming the stage's owner and why), sets record fields from a form (remediation
/// plan, resolution details, prior attempts...), counts a loop-back and adds a timeline note — the glue between human
/// tasks and the record.
/// </summary>
public sealed class UpdateRecordActivity : Activity
{
    /// <summary>The fields the <c>fields</c> input may set.</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        "title", "description", "category", "impact", "urgency", "tier", "resolutionTeam", "authorityLevel", "remediationPlan", "resolutionDetails",
        "addPriorAttempts", "addStakeholders", "slaStatus", "responseDueAt", "resolutionDueAt", "flagged", "flagReason",
    ];

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.UpdateRecord",
        Category = Category,
        DisplayName = "Update escalation",
        Description = "Changes the stage (with its owner and why), sets record fields, counts a loop-back, adds a timeline note.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor
            {
                Name = "stage",
                DisplayName = "Stage",
                Type = "string",
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [.. EscalationStages.All],
            },
            new InputDescriptor { Name = "owner", DisplayName = "Stage owner", Description = "User id or email. Default: the escalation owner, else the previous stage's owner.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "escalationOwner", DisplayName = "Escalation owner", Description = "Names the escalation owner (user id or email) — for example one an escalation manager picked by hand.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "queue", DisplayName = "Queue", Description = "Where the stage waits while nobody owns it, such as 'escalation managers'.", Type = "string" },
            new InputDescriptor { Name = "reason", DisplayName = "Why", Type = "string", DefaultExpressionType = ExpressionType.Template },
            new InputDescriptor
            {
                Name = "fields",
                DisplayName = "Fields",
                Description = "An object of fields to set: " + string.Join(", ", Fields) + ".",
                Type = "object",
                DefaultExpressionType = ExpressionType.JavaScript,
                UiHint = "code",
            },
            new InputDescriptor { Name = "note", DisplayName = "Timeline note", Type = "string", DefaultExpressionType = ExpressionType.Template, UiHint = "multiline" },
            new InputDescriptor { Name = "countLoopBack", DisplayName = "Count a loop-back", Type = "boolean", Default = false, UiHint = "checkbox" },
        ],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node.GetInput("stage")?.Expression is { Value: JsonValue stage } && EscalationStages.Normalize(JsonStrings.Get(stage)) is null)
        {
            context.AddError(ValuePointer(context, "stage"), DefinitionErrorCodes.InvalidValue, $"The stage is one of {string.Join(", ", EscalationStages.All)}.");
        }

        if (node.GetInput("fields")?.Expression is { Type: ExpressionType.Literal, Value: JsonObject fields })
        {
            foreach (var (name, _) in fields)
            {
                if (!Fields.Contains(name, StringComparer.Ordinal))
                {
                    context.AddError($"{ValuePointer(context, "fields")}/{JsonPointers.Escape(name)}", DefinitionErrorCodes.InvalidValue,
                        $"'{name}' cannot be set here; the fields are {string.Join(", ", Fields)}.");
                }
            }
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var effect = NewEffect(context, escalationId);
        var reason = Text(context, "reason") ?? "workflow step";
        if (Text(context, "stage") is { } stage)
        {
            effect = effect with
            {
                Stage = new StageChange
                {
                    Stage = EscalationStages.Normalize(stage) ?? throw new WorkflowFaultException("input-type", $"'{stage}' is not a stage; use one of {string.Join(", ", EscalationStages.All)}."),
                    Owner = Text(context, "owner"),
                    Queue = Text(context, "queue"),
                    Reason = reason,
                },
            };
        }
        else if (Text(context, "owner") is { } owner)
        {
            effect = effect with { StageOwner = new OwnerNaming { Owner = owner, Reason = reason } };
        }

        if (Text(context, "escalationOwner") is { } escalationOwner)
        {
            effect = effect with { AssignOwner = new OwnerNaming { Owner = escalationOwner, Reason = reason } };
        }

        if (context.GetInput("fields") is { } fields)
        {
            effect = effect with { Set = ReadFields(context, fields) };
        }

        if (Text(context, "note") is { } note)
        {
            effect = effect with { Timeline = [new TimelineNote("note", note)] };
        }

        effect = effect with { CountLoopBack = Flag(context, "countLoopBack") };
        Record(context, effect);
        return ValueTask.FromResult(ActivityResult.Done());
    }

    private static EscalationFieldChanges ReadFields(ActivityExecutionContext context, JsonNode fields)
    {
        if (fields is not JsonObject values)
        {
            throw new WorkflowFaultException("input-type", $"The fields of '{context.Node.DisplayName}' are an object, such as {{ \"resolutionDetails\": \"...\" }}.");
        }

        var unknown = values.Select(p => p.Key).Where(k => !Fields.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new WorkflowFaultException("input-type", $"'{string.Join("', '", unknown)}' cannot be set by '{context.Node.DisplayName}'; the fields are {string.Join(", ", Fields)}.");
        }

        var copy = (JsonObject)values.DeepClone();
        foreach (var list in new[] { "addPriorAttempts", "addStakeholders" })
        {
            if (copy[list] is JsonValue single)
            {
                copy[list] = new JsonArray(single.DeepClone());
            }
        }

        foreach (var (name, value) in copy.ToList())
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace(v.GetValue<string>()))
            {
                copy.Remove(name);
            }
        }

        try
        {
            return WorkflowJson.Deserialize<EscalationFieldChanges>(copy) ?? new EscalationFieldChanges();
        }
        catch (JsonException ex)
        {
            throw new WorkflowFaultException("input-type", $"A field of '{context.Node.DisplayName}' has the wrong type ({ex.Path?.TrimStart('$', '.')}): texts are strings, impact and urgency numbers, addPriorAttempts a list.", ex);
        }
    }
}
