using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Escalations.Activities.EscalationActivitySupport;

namespace EscalationFlows.Escalations.Activities;

/// <summary>
/// Assembles what the resolution team needs — the timeline, prior attempts, the communications with the client and the
/// account data — and has <see cref="IContextSummarizer"/> write a summary whose every sentence cites timeline entries
/// (<c>t12</c>) or messages (<c>c3</c>). Stores the summary with its citations on the record and outputs it.
/// </summary>
public sealed class PrepareContextActivity : Activity
{
    public override ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Escalations.PrepareContext",
        Category = Category,
        DisplayName = "Prepare context",
        Description = "Writes a cited summary of the escalation's history, attempts, client messages and account for the resolution team.",
        Inputs = [EscalationId],
        Outputs =
        [
            new OutputDescriptor { Name = "summary", Type = "object", Description = "{ sentences: [{ text, citations }], method, model?, fallbackReason? }." },
            new OutputDescriptor { Name = "text", Type = "string", Description = "The summary as text, each sentence followed by its citations." },
        ],
    };

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalationId = ReadEscalationId(context);
        var record = await RequireRecordAsync(context, escalationId);
        var store = context.Services.GetRequiredService<IEscalationStore>();
        var timeline = await store.GetTimelineAsync(escalationId, context.CancellationToken);
        var communications = await store.GetCommunicationsAsync(escalationId, context.CancellationToken);
        var entries = timeline.Select(t => t.ToEntry())
            .Concat(communications.Where(c => c.Audience == MessageAudiences.Client).Select(Entry))
            .OrderBy(e => e.At)
            .ToList();
        var account = record.Account?.DeepClone() as JsonObject ?? [];
        account["client"] = record.Client;
        account["tier"] = record.Tier;
        account["accountId"] = record.AccountId;
        var summarizer = context.Services.GetRequiredService<IContextSummarizer>();
        var summary = await summarizer.SummarizeAsync(new ContextSummaryRequest(record.Title, record.Description, entries, record.PriorAttempts, account), context.CancellationToken);
        var text = string.Join(" ", summary.Sentences.Select(s => $"{s.Text} [{string.Join(", ", s.Citations)}]"));
        Record(context, NewEffect(context, escalationId) with
        {
            Set = new EscalationFieldChanges { Summary = summary },
            Timeline = [new TimelineNote("context-prepared",
                $"Context prepared for the resolution team ({summary.Method}{(summary.Model is null ? string.Empty : $", {summary.Model}")}): {summary.Sentences.Count} sentences from {entries.Count} entries"
                + (summary.FallbackReason is null ? "." : $"; {summary.FallbackReason}"))],
        });
        context.SetOutput("summary", WorkflowJson.ToNode(summary));
        context.SetOutput("text", text);
        return Engine.Activities.ActivityResult.Done();
    }

    private static TimelineEntry Entry(CommunicationEntry message) =>
        new($"c{message.Sequence}", message.At, message.Direction == CommunicationEntry.Inbound ? "client" : message.Actor,
            message.Direction == CommunicationEntry.Inbound ? "message-received" : "message-sent",
            $"{(message.Direction == CommunicationEntry.Inbound ? "From" : "To")} the client ({message.Channel}){(message.Subject is null ? string.Empty : $", '{message.Subject}'")}: {message.Body}",
            message.Channel);
}
