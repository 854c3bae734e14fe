using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Sends a message to the client, the stakeholders, leadership, the owner or the handler: by email (outbox kind
/// <c>mail</c>), in-app (a message on the client page) or webhook (outbox kind <c>webhook</c>). The Scriban templates
/// render when the step commits, over the record as committed (so a message right after an assignment names the new
/// owner); the HTML body escapes model values. Every message lands in the communications log with its outbox id.
/// </summary>
public sealed class NotifyActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.Notify",
        Category = Category,
        DisplayName = "Notify",
        Description = "Sends a templated message (email, in-app or webhook) to the client, stakeholders, leadership, owner or handler; logged in the communications.",
        Inputs =
        [
            EscalationId,
            new InputDescriptor
            {
                Name = "audience",
                DisplayName = "To",
                Type = "string",
                Required = true,
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [.. MessageAudiences.All],
            },
            new InputDescriptor
            {
                Name = "channel",
                DisplayName = "Channel",
                Type = "string",
                Default = CommunicationChannels.Email,
                SupportsExpressions = false,
                UiHint = "dropdown",
                Options = [.. CommunicationChannels.Outbound],
            },
            MessageInputs.Subject("subject", "Subject", MessageTemplates.NotifySubject),
            MessageInputs.Body("body", "Text", MessageTemplates.NotifyBody),
            MessageInputs.Html("htmlBody", "HTML body"),
            new InputDescriptor { Name = "to", DisplayName = "Addresses", Description = "Emails or user ids instead of the audience's own addresses.", Type = "array", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "json" },
            new InputDescriptor { Name = "data", DisplayName = "Template data", Description = "More values for the templates, visible as data.", Type = "object", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
            new InputDescriptor { Name = "webhookUrl", DisplayName = "Webhook URL", Type = "string" },
            new InputDescriptor { Name = "webhookHeaders", DisplayName = "Webhook headers", Type = "object", UiHint = "json" },
            new InputDescriptor { Name = "purpose", DisplayName = "Purpose", Description = "A label in the communications log.", Type = "string", Default = "notification" },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "messageId", Type = "string", Description = "The outbox message id (the mail's Message-ID)." },
            new OutputDescriptor { Name = "subject", Type = "string", Description = "The subject as rendered when the step ran (the sent one is rendered at commit)." },
        ],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var name in new[] { "subject", "body", "htmlBody" })
        {
            TemplateChecks.Check(node, context, name);
        }

        if (node.GetInput("channel")?.Expression is { Value: JsonValue channel } && JsonStrings.Get(channel) == CommunicationChannels.Webhook && node.GetInput("webhookUrl") is null)
        {
            context.AddError(context.InputPointer("webhookUrl"), DefinitionErrorCodes.MissingRequiredInput, "A webhook needs the URL to post to.");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var audience = Text(context, "audience") ?? MessageAudiences.Client;
        var channel = Text(context, "channel") ?? CommunicationChannels.Email;
        if (!MessageAudiences.All.Contains(audience, StringComparer.Ordinal) || !CommunicationChannels.Outbound.Contains(channel, StringComparer.Ordinal))
        {
            throw new WorkflowFaultException("input-type",
                $"'{context.Node.DisplayName}' sends to {string.Join("/", MessageAudiences.All)} over {string.Join("/", CommunicationChannels.Outbound)}; got {audience} over {channel}.");
        }

        var message = new OutgoingMessage
        {
            Id = context.NewId(),
            Audience = audience,
            Channel = channel,
            To = Texts(context, "to"),
            SubjectTemplate = context.GetInputString("subject") ?? MessageTemplates.NotifySubject,
            BodyTemplate = context.GetInputString("body") ?? MessageTemplates.NotifyBody,
            HtmlTemplate = Text(context, "htmlBody"),
            Data = context.GetInput("data") as JsonObject,
            WebhookUrl = Text(context, "webhookUrl"),
            WebhookHeaders = context.GetInput("webhookHeaders") as JsonObject,
            Purpose = Text(context, "purpose") ?? "notification",
        };
        if (channel == CommunicationChannels.Webhook && message.WebhookUrl is null)
        {
            throw new WorkflowFaultException("input-missing", $"'{context.Node.DisplayName}' sends a webhook but has no webhookUrl.");
        }

        var preview = await PreviewAsync(context, escalationId, message);
        Record(context, NewEffect(context, escalationId) with { Messages = [message] });
        context.SetOutput("messageId", message.Id);
        context.SetOutput("subject", preview.Subject);
        return ActivityResult.Done();
    }

    /// <summary>
    /// Renders now against the committed record (or a stand-in when the escalation opens in this very step), so a
    /// template error faults this activity instead of being found when the step commits.
    /// </summary>
    public static async Task<RenderedMessage> PreviewAsync(ActivityExecutionContext context, string escalationId, OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = await context.Services.GetRequiredService<IEscalationStore>().FindAsync(escalationId, context.CancellationToken)
            ?? new EscalationRecord { Id = escalationId, Client = "client", Title = "title", TriggerReason = TriggerReasons.ManualFlag, Stage = EscalationStages.Triage };
        try
        {
            return context.Services.GetRequiredService<EscalationMessageRenderer>().Render(message, record, context.CancellationToken);
        }
        catch (ExpressionException ex)
        {
            throw new ExpressionException(ex.Code, $"A message template of '{context.Node.DisplayName}': {ex.Message}", ex);
        }
    }
}
