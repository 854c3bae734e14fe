using System.Text.Json;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Criteria;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Decides whether a request is escalated: configurable criteria (SLA remaining, priority, client tier, client request,
/// handler's flag, authority needed), each a literal threshold or toggle. <c>Escalate</c> or <c>ReturnToHandler</c>;
/// the latter records guidance for the original handler (timeline and a message to them) and moves the escalation to
/// ReturnedToHandler.
/// </summary>
public sealed class EvaluateCriteriaActivity : Activity
{
    public const string EscalatePort = "Escalate";
    public const string ReturnPort = "ReturnToHandler";

    private static readonly EscalationCriteria Defaults = new();

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.EvaluateCriteria",
        Category = Category,
        DisplayName = "Evaluate escalation criteria",
        Description = "Checks the escalation criteria; continues on Escalate, or returns the request to its handler with guidance.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor { Name = "priority", DisplayName = "Priority", Description = "The request's priority (1–5).", Type = "integer", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "tier", DisplayName = "Client tier", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "triggerReason", DisplayName = "Trigger reason", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "slaRemainingPercent", DisplayName = "SLA remaining (%)", Type = "number", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "clientRequested", DisplayName = "Client asked", Type = "boolean", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "flagged", DisplayName = "Handler flagged", Type = "boolean", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "needsAuthority", DisplayName = "Handler needs authority", Type = "boolean", DefaultExpressionType = ExpressionType.JavaScript },
            Threshold("slaRemainingPercentAtMost", "Criterion: SLA remaining at most (%)", "number", JsonValue.Create(Defaults.SlaRemainingPercentAtMost), "Escalate when at most this much of the ticket's SLA is left (or the SLA itself triggered). Empty: off."),
            Threshold("priorityAtLeast", "Criterion: priority at least", "integer", JsonValue.Create(Defaults.PriorityAtLeast), "Escalate P1..this priority. Empty: off."),
            Threshold("clientTiers", "Criterion: client tiers", "array", new JsonArray([.. Defaults.ClientTiers.Select(t => JsonValue.Create(t))]), "Escalate for these tiers. Empty list: off.", "json"),
            Threshold("clientRequest", "Criterion: the client asked", "boolean", JsonValue.Create(Defaults.ClientRequest), "A client's request is reason enough.", "checkbox"),
            Threshold("handlerFlag", "Criterion: the handler flagged", "boolean", JsonValue.Create(Defaults.HandlerFlag), "A handler's flag is reason enough on its own.", "checkbox"),
            Threshold("authorityNeeded", "Criterion: authority needed", "boolean", JsonValue.Create(Defaults.AuthorityNeeded), "The handler lacking authority is reason enough.", "checkbox"),
            Threshold("minimumMatches", "Criteria needed", "integer", JsonValue.Create(Defaults.MinimumMatches), "How many criteria must match."),
            MessageInputs.Subject("guidanceSubject", "Guidance subject", MessageTemplates.GuidanceSubject),
            MessageInputs.Body("guidanceBody", "Guidance text", MessageTemplates.GuidanceBody),
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "escalate", Type = "boolean" },
            new OutputDescriptor { Name = "matched", Type = "array", Description = "The criteria that matched: [{ criterion, reason }]." },
            new OutputDescriptor { Name = "results", Type = "array", Description = "Every criterion: [{ criterion, matched, reason }]." },
            new OutputDescriptor { Name = "summary", Type = "string" },
        ],
        Ports = [EscalatePort, ReturnPort],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var name in new[] { "guidanceSubject", "guidanceBody" })
        {
            TemplateChecks.Check(node, context, name);
        }

        if (node.GetInput("minimumMatches")?.Expression is { Value: JsonValue min } && (!min.TryGetValue<int>(out var value) || value < 1))
        {
            context.AddError(ValuePointer(context, "minimumMatches"), DefinitionErrorCodes.InvalidValue, "At least one criterion must match: the value is 1 or more.");
        }
    }

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var criteria = new EscalationCriteria
        {
            SlaRemainingPercentAtMost = Number(context, "slaRemainingPercentAtMost"),
            PriorityAtLeast = Integer(context, "priorityAtLeast"),
            ClientTiers = Texts(context, "clientTiers"),
            ClientRequest = Flag(context, "clientRequest"),
            HandlerFlag = Flag(context, "handlerFlag"),
            AuthorityNeeded = Flag(context, "authorityNeeded"),
            MinimumMatches = Integer(context, "minimumMatches") ?? 1,
        };
        var facts = new CriteriaFacts
        {
            Priority = Integer(context, "priority"),
            Tier = Text(context, "tier"),
            TriggerReason = Text(context, "triggerReason"),
            SlaRemainingPercent = Number(context, "slaRemainingPercent"),
            ClientRequested = Flag(context, "clientRequested"),
            Flagged = Flag(context, "flagged"),
            NeedsAuthority = Flag(context, "needsAuthority"),
        };
        var outcome = CriteriaEvaluator.Evaluate(criteria, facts);
        var results = new JsonArray([.. outcome.Results.Select(r => (JsonNode)new JsonObject { ["criterion"] = r.Criterion, ["matched"] = r.Matched, ["reason"] = r.Reason })]);
        var effect = NewEffect(context, escalationId) with
        {
            Set = new EscalationFieldChanges { CriteriaMatched = [.. outcome.Matched.Select(m => m.Reason)] },
            Timeline = [new TimelineNote("criteria-evaluated", outcome.Summary, new JsonObject { ["results"] = results.DeepClone() })],
        };
        if (!outcome.Escalate)
        {
            var guidance = new JsonObject { ["summary"] = outcome.Summary, ["results"] = results.DeepClone() };
            effect = effect with
            {
                Stage = new StageChange { Stage = EscalationStages.ReturnedToHandler, Reason = "the escalation criteria were not met; the handler keeps the ticket" },
                Timeline = [.. effect.Timeline, new TimelineNote("guidance", $"Guidance for the handler: {outcome.Summary}")],
                Messages =
                [
                    new OutgoingMessage
                    {
                        Id = context.NewId(),
                        Audience = MessageAudiences.Handler,
                        Channel = CommunicationChannels.Email,
                        SubjectTemplate = context.GetInputString("guidanceSubject") ?? MessageTemplates.GuidanceSubject,
                        BodyTemplate = context.GetInputString("guidanceBody") ?? MessageTemplates.GuidanceBody,
                        Data = guidance,
                        Purpose = "guidance",
                    },
                ],
            };
        }

        Record(context, effect);
        context.SetOutput("escalate", outcome.Escalate);
        context.SetOutput("matched", new JsonArray([.. outcome.Matched.Select(r => (JsonNode)new JsonObject { ["criterion"] = r.Criterion, ["reason"] = r.Reason })]));
        context.SetOutput("results", results);
        context.SetOutput("summary", outcome.Summary);
        context.Log(outcome.Summary);
        return ValueTask.FromResult(ActivityResult.Outcome(outcome.Escalate ? EscalatePort : ReturnPort));
    }

    private static InputDescriptor Threshold(string name, string displayName, string type, JsonNode? fallback, string description, string uiHint = "singleline") => new()
    {
        Name = name,
        DisplayName = displayName,
        Description = description,
        Type = type,
        Default = fallback,
        SupportsExpressions = false,
        UiHint = uiHint,
    };
}
