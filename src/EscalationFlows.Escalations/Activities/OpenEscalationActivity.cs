using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Severity;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Escalations.Tickets;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Opens the escalation record (stage Triage; the number is allocated when the step commits). With a tracked ticket
/// the missing fields come from the ticket and its SLA clocks; a ticket that already has an open escalation leaves on
/// <c>AlreadyEscalated</c> with that escalation's id.
/// </summary>
public sealed class OpenEscalationActivity : Activity
{
    public const string OpenedPort = "Opened";
    public const string AlreadyEscalatedPort = "AlreadyEscalated";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.Open",
        Category = Category,
        DisplayName = "Open escalation",
        Description = "Creates the escalation record (stage Triage) from the request or the tracked ticket; a ticket already escalated leaves on AlreadyEscalated.",
        Inputs =
        [
            new InputDescriptor { Name = "escalationId", DisplayName = "Escalation id", Description = "The id to give the record. Default: the instance's correlation id when the instance was not started by an event, else a new id.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "ticketId", DisplayName = "Tracked ticket", Description = "A ticket of /api/tickets: its source, ids, client, tier, title, priority and SLA fill what is not given.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "sourceSystem", DisplayName = "Source system", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "externalTicketId", DisplayName = "External ticket id", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "externalTicketUrl", DisplayName = "External ticket URL", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "client", DisplayName = "Client", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "clientEmail", DisplayName = "Client email", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "clientContact", DisplayName = "Client contact", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "accountId", DisplayName = "Account id", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "account", DisplayName = "Account data", Type = "object", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "code" },
            new InputDescriptor { Name = "tier", DisplayName = "Client tier", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "title", DisplayName = "Title", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "description", DisplayName = "Description", Type = "string", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "multiline" },
            new InputDescriptor { Name = "category", DisplayName = "Category", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "impact", DisplayName = "Impact (1–3)", Type = "integer", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "urgency", DisplayName = "Urgency (1–3)", Type = "integer", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "triggerReason", DisplayName = "Trigger reason", Type = "string", Default = TriggerReasons.ManualFlag, DefaultExpressionType = ExpressionType.JavaScript, Options = [.. TriggerReasons.All] },
            new InputDescriptor { Name = "handler", DisplayName = "Handler", Description = "The frontline handler (user id or email): guidance goes to them if the escalation is not accepted.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "openedBy", DisplayName = "Opened by", Description = "The user id (or API key id) that raised it: the actor of the opened entry. Default: the system.", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
            new InputDescriptor { Name = "stakeholders", DisplayName = "Stakeholders", Description = "Emails or user ids kept informed.", Type = "array", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "json" },
            new InputDescriptor { Name = "priorAttempts", DisplayName = "Prior resolution attempts", Type = "array", DefaultExpressionType = ExpressionType.JavaScript, UiHint = "json" },
            new InputDescriptor { Name = "flagReason", DisplayName = "Flag reason", Type = "string", DefaultExpressionType = ExpressionType.JavaScript },
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "escalationId", Type = "string" },
            new OutputDescriptor { Name = "priority", Type = "integer", Description = "The initial priority (impact × urgency in the default profile, else the ticket's)." },
            new OutputDescriptor { Name = "tier", Type = "string" },
            new OutputDescriptor { Name = "triggerReason", Type = "string" },
            new OutputDescriptor { Name = "handler", Type = "string" },
            new OutputDescriptor { Name = "slaRemainingPercent", Type = "number", Description = "How much of the ticket's resolution SLA is left." },
            new OutputDescriptor { Name = "slaStatus", Type = "string" },
        ],
        Ports = [OpenedPort, AlreadyEscalatedPort],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now;
        var ticketId = Text(context, "ticketId");
        TicketSlaFacts? ticket = null;
        if (ticketId is not null)
        {
            ticket = await context.Services.GetRequiredService<TicketSlaReader>().ReadAsync(ticketId, now, context.CancellationToken)
                ?? throw new WorkflowFaultException("ticket-unknown", $"There is no tracked ticket '{ticketId}'.");
            var existing = await context.Services.GetRequiredService<IEscalationStore>().FindOpenForTicketAsync(ticketId, context.CancellationToken);
            if (existing is not null)
            {
                context.SetOutput("escalationId", existing.Id);
                context.Log($"Ticket {ticketId} is already escalated as {existing.DisplayNumber}.");
                return ActivityResult.Outcome(AlreadyEscalatedPort);
            }
        }

        var escalationId = Text(context, "escalationId") ?? (context.TriggerPayload is null && context.CorrelationId is { Length: > 0 } correlation ? correlation : context.NewId());
        var impact = Integer(context, "impact");
        var urgency = Integer(context, "urgency");
        var triggerReason = Text(context, "triggerReason") ?? TriggerReasons.ManualFlag;
        if (!TriggerReasons.IsKnown(triggerReason))
        {
            throw new WorkflowFaultException("input-type", $"'{triggerReason}' is not a trigger reason; use {string.Join(", ", TriggerReasons.All)}.");
        }

        int? priority = ticket?.Ticket.Priority;
        string? severity = null;
        var classifier = context.Services.GetRequiredService<SeverityClassifier>();
        if (impact is { } i && urgency is { } u)
        {
            if (i is < 1 or > 3 || u is < 1 or > 3)
            {
                throw new WorkflowFaultException("input-type", $"Impact and urgency are 1 (high) to 3 (low); got impact {i}, urgency {u}.");
            }

            priority = classifier.MatrixPriority(i, u);
        }

        if (priority is { } p)
        {
            severity = classifier.Label(p);
        }

        var opening = new EscalationOpening
        {
            TicketId = ticketId,
            SourceSystem = Text(context, "sourceSystem") ?? ticket?.Ticket.Source,
            ExternalTicketId = Text(context, "externalTicketId") ?? ticket?.Ticket.ExternalId,
            ExternalTicketUrl = Text(context, "externalTicketUrl"),
            Client = Text(context, "client") ?? ticket?.Ticket.Client
                ?? throw new WorkflowFaultException("escalation-invalid", "An escalation needs a client (or a tracked ticket to take it from)."),
            ClientEmail = Text(context, "clientEmail"),
            ClientContact = Text(context, "clientContact"),
            AccountId = Text(context, "accountId"),
            Account = context.GetInput("account") as JsonObject,
            Tier = Text(context, "tier") ?? ticket?.Ticket.Tier,
            Title = Text(context, "title") ?? ticket?.Ticket.Title
                ?? throw new WorkflowFaultException("escalation-invalid", "An escalation needs a title (or a tracked ticket to take it from)."),
            Description = Text(context, "description"),
            Category = Text(context, "category"),
            Impact = impact,
            Urgency = urgency,
            Priority = priority,
            Severity = severity,
            TriggerReason = triggerReason,
            Handler = Text(context, "handler"),
            Stakeholders = Texts(context, "stakeholders"),
            PriorAttempts = Texts(context, "priorAttempts"),
            Flagged = triggerReason == TriggerReasons.ManualFlag,
            FlagReason = Text(context, "flagReason"),
            ResponseDueAt = ticket?.ResponseDueAt,
            ResolutionDueAt = ticket?.ResolutionDueAt,
            SlaStatus = ticket?.SlaStatus,
            TriggerInstanceId = context.InstanceId,
        };
        Record(context, NewEffect(context, escalationId) with { Open = opening, Actor = Text(context, "openedBy") ?? EscalationEffect.SystemActor });
        context.SetOutput("escalationId", escalationId);
        context.SetOutput("priority", priority);
        context.SetOutput("tier", opening.Tier);
        context.SetOutput("triggerReason", triggerReason);
        context.SetOutput("handler", opening.Handler);
        context.SetOutput("slaRemainingPercent", ticket?.RemainingPercent);
        context.SetOutput("slaStatus", ticket?.SlaStatus);
        context.Log($"Escalation {escalationId} opened ({EscalationApplier.Describe(triggerReason)}): {opening.Title}.");
        return ActivityResult.Outcome(OpenedPort);
    }
}
