using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Activities;
using EscalationFlows.Escalations.Sla.Storage;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Asks the client to confirm the resolution through a signed single-use link (purpose <c>escalation-confirmation</c>)
/// sent by email, and waits on a <c>ClientConfirmation</c> bookmark. The same activity holds two timers: a reminder
/// (default after 3 days; sends a reminder and keeps waiting) and the auto-close (default after 6 days: the UCI
/// ServiceNow log closes most incidents 5–6 days after resolution). Ports <c>Confirmed</c>, <c>Rejected</c> (with the
/// client's comment) and <c>TimedOut</c>. The escalation's SLA resolution clock is paused while waiting and resumed on
/// a rejection.
/// </summary>
public sealed class AwaitClientConfirmationActivity : Activity
{
    public const string ConfirmedPort = "Confirmed";
    public const string RejectedPort = "Rejected";
    public const string TimedOutPort = "TimedOut";

    /// <summary>The purpose of the links this activity issues.</summary>
    public const string LinkPurpose = "escalation-confirmation";

    public static readonly TimeSpan DefaultReminderAfter = TimeSpan.FromDays(3);
    public static readonly TimeSpan DefaultAutoCloseAfter = TimeSpan.FromDays(6);

    private const string Reminder = "reminder";
    private const string AutoClose = "auto-close";

    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.AwaitClientConfirmation",
        Category = Category,
        DisplayName = "Await client confirmation",
        Description = "Sends the client a signed link to confirm or reject the resolution, reminds them, auto-closes without an answer; pauses the SLA while waiting.",
        Kind = ActivityKind.Blocking,
        BookmarkKind = BookmarkKinds.ClientConfirmation,
        Inputs =
        [
            EscalationId,
            new InputDescriptor { Name = "reminderAfter", DisplayName = "Remind after", Type = "duration", Default = Durations.Format(DefaultReminderAfter), UiHint = "duration" },
            new InputDescriptor { Name = "autoCloseAfter", DisplayName = "Auto-close after", Description = "Without an answer the escalation closes (TimedOut). The real data: most incidents close 5–6 days after resolution.", Type = "duration", Default = Durations.Format(DefaultAutoCloseAfter), UiHint = "duration" },
            new InputDescriptor { Name = "pauseSla", DisplayName = "Pause the SLA while waiting", Type = "boolean", Default = true, SupportsExpressions = false, UiHint = "checkbox" },
            MessageInputs.Subject("subject", "Request subject", MessageTemplates.ConfirmationSubject),
            MessageInputs.Body("body", "Request text", MessageTemplates.ConfirmationBody),
            MessageInputs.Html("htmlBody", "Request HTML"),
            MessageInputs.Subject("reminderSubject", "Reminder subject", MessageTemplates.ReminderSubject),
            MessageInputs.Body("reminderBody", "Reminder text", MessageTemplates.ReminderBody),
        ],
        Outputs =
        [
            new OutputDescriptor { Name = "outcome", Type = "string", Description = "confirmed, rejected or timed-out." },
            new OutputDescriptor { Name = "comment", Type = "string", Description = "What the client wrote." },
            new OutputDescriptor { Name = "clientLink", Type = "object", Description = "{ id, url, expiresAt, autoCloseAt } of the link sent." },
        ],
        Ports = [ConfirmedPort, RejectedPort, TimedOutPort],
    };

    public override void Validate(ActivityNode node, ActivityValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        foreach (var name in new[] { "subject", "body", "htmlBody", "reminderSubject", "reminderBody" })
        {
            TemplateChecks.Check(node, context, name);
        }

        var reminder = LiteralDuration(node, "reminderAfter") ?? DefaultReminderAfter;
        var autoClose = LiteralDuration(node, "autoCloseAfter") ?? DefaultAutoCloseAfter;
        if (reminder >= autoClose)
        {
            context.AddError(ValuePointer(context, "reminderAfter"), DefinitionErrorCodes.InvalidValue, "The reminder must come before the auto-close.");
        }
    }

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var now = context.Now;
        var reminderAfter = Duration(context, "reminderAfter", DefaultReminderAfter);
        var autoCloseAfter = Duration(context, "autoCloseAfter", DefaultAutoCloseAfter);
        if (reminderAfter >= autoCloseAfter)
        {
            throw new WorkflowFaultException("input-type", $"The reminder ({Durations.Format(reminderAfter)}) must come before the auto-close ({Durations.Format(autoCloseAfter)}).");
        }

        var issuer = context.Services.GetService<IClientLinkIssuer>()
            ?? throw new WorkflowFaultException("client-links-unavailable", "This server cannot issue client links, so the client cannot be asked to confirm.");
        var ticket = issuer.Issue(context.NewId(), LinkPurpose, escalationId, now);
        var autoCloseAt = now + autoCloseAfter;
        var link = LinkModel(ticket, escalationId, autoCloseAt);
        context.CreateBookmark(BookmarkKinds.ClientConfirmation, stimulusName: ticket.Id, correlationId: escalationId,
            payload: new JsonObject { ["clientLinkId"] = ticket.Id, ["link"] = link.DeepClone() });
        context.CreateBookmark(BookmarkKinds.Timer, dueAt: now + reminderAfter, payload: new JsonObject { ["purpose"] = Reminder });
        context.CreateBookmark(BookmarkKinds.Timer, dueAt: autoCloseAt, payload: new JsonObject { ["purpose"] = AutoClose });

        var paused = Flag(context, "pauseSla", fallback: true) && await HasResolutionClockAsync(context, escalationId);
        if (paused)
        {
            RecordSla(context, escalationId, SlaEffectOperations.Pause, "awaiting client confirmation");
        }

        var request = Message(context, "subject", "body", "htmlBody", link, "confirmation-request");
        await NotifyActivity.PreviewAsync(context, escalationId, request);
        Record(context, NewEffect(context, escalationId) with
        {
            Stage = new StageChange { Stage = EscalationStages.AwaitingClient, Reason = "the resolution waits for the client's confirmation" },
            Set = paused ? new EscalationFieldChanges { SlaStatus = EscalationSlaStatuses.Paused } : null,
            IssueClientLink = new ClientLinkNote(ticket.Id, LinkPurpose, escalationId, ticket.ExpiresAt),
            Messages = [request],
            Timeline = [new TimelineNote("confirmation-requested",
                $"The client was asked to confirm the resolution; reminder on {Day(now + reminderAfter)}, auto-close on {Day(autoCloseAt)}{(paused ? "; the SLA is paused meanwhile" : string.Empty)}.",
                new JsonObject { ["clientLinkId"] = ticket.Id, ["expiresAt"] = ticket.ExpiresAt.ToString("O", CultureInfo.InvariantCulture) })],
        });
        context.SetOutput("clientLink", link);
        return ActivityResult.Suspend();
    }

    public override async ValueTask<ActivityResult> ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, JsonNode? input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(bookmark);
        var escalationId = ReadEscalationId(context);
        var confirmation = context.GetActiveBookmarks().FirstOrDefault(b => b.Kind == BookmarkKinds.ClientConfirmation);
        var link = (confirmation ?? bookmark).Payload?["link"] as JsonObject;
        if (bookmark.Kind == BookmarkKinds.Timer)
        {
            if (confirmation is null)
            {
                return context.GetActiveBookmarks().Count > 0 ? ActivityResult.Suspend() : ActivityResult.NoOutcome();
            }

            var purpose = bookmark.Payload?["purpose"]?.GetValue<string>();
            if (purpose == Reminder)
            {
                var reminder = Message(context, "reminderSubject", "reminderBody", null, link, "reminder");
                await NotifyActivity.PreviewAsync(context, escalationId, reminder);
                Record(context, NewEffect(context, escalationId) with
                {
                    Messages = [reminder],
                    Timeline = [new TimelineNote("confirmation-reminded", "No answer from the client yet; a reminder was sent.")],
                });
                return ActivityResult.Suspend();
            }

            Record(context, NewEffect(context, escalationId) with
            {
                Set = new EscalationFieldChanges { ClientConfirmation = ClientConfirmationOutcomes.TimedOut },
                RevokeClientLinkId = confirmation.Payload?["clientLinkId"]?.GetValue<string>(),
                Timeline = [new TimelineNote("confirmation-timed-out", $"The client did not answer by {Day(context.Now)}; the escalation closes as resolved.")],
            });
            context.SetOutput("outcome", ClientConfirmationOutcomes.TimedOut);
            return ActivityResult.Outcome(TimedOutPort);
        }

        var answer = WorkflowJson.Deserialize<ClientConfirmationAnswer>(input)
            ?? throw new WorkflowFaultException("confirmation-invalid", "The client's answer is missing; answers come through the client link.");
        var rejected = answer.Outcome == ClientConfirmationOutcomes.Rejected;
        if (!rejected && answer.Outcome != ClientConfirmationOutcomes.Confirmed)
        {
            throw new WorkflowFaultException("confirmation-invalid", $"'{answer.Outcome}' is not an answer; the client confirms or rejects.");
        }

        var comment = string.IsNullOrWhiteSpace(answer.Comment) ? null : answer.Comment.Trim();
        if (rejected && await HasResolutionClockAsync(context, escalationId))
        {
            RecordSla(context, escalationId, SlaEffectOperations.Resume, null);
        }

        Record(context, NewEffect(context, escalationId) with
        {
            Actor = "client-link:" + answer.ClientLinkId,
            Source = "client-link",
            UseClientLinkId = answer.ClientLinkId,
            CountReopen = rejected,
            Set = new EscalationFieldChanges
            {
                ClientConfirmation = answer.Outcome,
                ClientComment = comment,
                SlaStatus = rejected ? EscalationSlaStatuses.OnTrack : null,
            },
            Inbound = [new InboundMessage { Body = (rejected ? "Not resolved" : "Confirmed resolved") + (comment is null ? "." : $": {comment}") }],
            Timeline = [new TimelineNote("client-answer", rejected
                ? $"The client says it is not resolved{(comment is null ? "." : $": {comment}")}"
                : $"The client confirmed the resolution{(comment is null ? "." : $": {comment}")}")],
        });
        context.SetOutput("outcome", answer.Outcome);
        context.SetOutput("comment", comment);
        return ActivityResult.Outcome(rejected ? RejectedPort : ConfirmedPort);
    }

    /// <summary>
    /// The link as sent: the studio's escalation client page (<c>/escalations/{id}/client?token=…</c>) on the server's
    /// public address; <c>apiPath</c> is the API behind it (<c>/api/escalations/{id}/client?token=…</c>).
    /// </summary>
    private static JsonObject LinkModel(ClientLinkTicket ticket, string escalationId, DateTimeOffset autoCloseAt)
    {
        // The issuer's url is the public address (when configured) plus a page or API path for the token; keep the address.
        var origin = new[] { ticket.ApiPath, $"/client/{ticket.Token}" }.FirstOrDefault(p => ticket.Url.EndsWith(p, StringComparison.Ordinal)) is { } suffix
            ? ticket.Url[..^suffix.Length]
            : string.Empty;
        var page = $"/escalations/{Uri.EscapeDataString(escalationId)}/client?token={Uri.EscapeDataString(ticket.Token)}";
        return new JsonObject
        {
            ["id"] = ticket.Id,
            ["url"] = origin + page,
            ["apiPath"] = "/api" + page,
            ["expiresAt"] = Day(ticket.ExpiresAt),
            ["autoCloseAt"] = Day(autoCloseAt),
        };
    }

    private static OutgoingMessage Message(ActivityExecutionContext context, string subject, string body, string? html, JsonObject? link, string purpose) => new()
    {
        Id = context.NewId(),
        Audience = MessageAudiences.Client,
        Channel = CommunicationChannels.Email,
        SubjectTemplate = context.GetInputString(subject) ?? string.Empty,
        BodyTemplate = context.GetInputString(body) ?? string.Empty,
        HtmlTemplate = html is null ? null : Text(context, html),
        Link = (JsonObject?)link?.DeepClone(),
        Purpose = purpose,
    };

    private static async Task<bool> HasResolutionClockAsync(ActivityExecutionContext context, string escalationId)
    {
        var store = context.Services.GetService<ISlaStore>();
        if (store is null)
        {
            return false;
        }

        var clocks = await store.ReadAsync((session, ct) => session.GetClocksAsync(escalationId, ct), context.CancellationToken);
        return clocks.Any(c => c.Metric == SlaMetric.Resolution && c.State.StoppedAt is null);
    }

    private static void RecordSla(ActivityExecutionContext context, string escalationId, string operation, string? reason) =>
        context.RecordEffect(SlaEffect.Kind, new SlaEffect
        {
            Operation = operation,
            SubjectId = escalationId,
            Metrics = [SlaMetric.Resolution],
            Reason = reason,
            At = context.Now,
        }.ToJson());

    private static TimeSpan? LiteralDuration(ActivityNode node, string input) =>
        node.GetInput(input)?.Expression is { Type: ExpressionType.Literal, Value: JsonValue value } && Durations.TryParse(JsonStrings.Get(value), out var duration) ? duration : null;

    private static string Day(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
