using System.Globalization;
using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Subjects;
using EscalationFlows.Escalations.Tickets;

namespace EscalationFlows.Escalations.Sla.Scheduling;

/// <summary>
/// The <c>sla.threshold</c> event published when a threshold fires, with correlation id = the subject id. Payload:
/// <code>
/// { "subjectId", "subjectType": "ticket"|"escalation", "metric": "response"|"resolution", "percentage", "action",
///   "name", "dueAt", "firedAt", "policyId", "policyVersion", "priority", "tier", "targetMinutes", "elapsedPercent",
///   "predictedBreachAt", "ticket": { "id", "source", "externalId", "client", "tier", "priority", "title", "status", "openedAt" } }
/// </code>
/// (<c>ticket</c> only for tracked tickets). The idempotency key is the timer id, so a redelivered timer never starts a workflow twice.
/// </summary>
public static class SlaThresholdEvent
{
    /// <summary>The event name workflows trigger on (<c>EventTrigger</c>) or wait for (<c>WaitForEvent</c>, <c>Sla.WaitForThreshold</c>).</summary>
    public const string Name = "sla.threshold";

    /// <summary>Builds the payload for a threshold that fired at <paramref name="firedAt"/>.</summary>
    public static JsonObject Payload(StoredSlaClock stored, SlaClock clock, SlaThreshold threshold, DateTimeOffset dueAt, DateTimeOffset firedAt, TrackedTicket? ticket)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(threshold);
        var payload = new JsonObject
        {
            ["subjectId"] = stored.SubjectId,
            ["subjectType"] = SlaSubjectTypes.Name(stored.SubjectType),
            ["metric"] = SlaMetrics.Name(stored.Metric),
            ["percentage"] = threshold.Percent,
            ["action"] = threshold.Action,
            ["name"] = threshold.Name,
            ["dueAt"] = Text(dueAt),
            ["firedAt"] = Text(firedAt),
            ["policyId"] = stored.PolicyId,
            ["policyVersion"] = stored.PolicyVersion,
            ["priority"] = stored.Priority,
            ["tier"] = stored.Tier,
            ["calendarId"] = stored.CalendarId,
            ["targetMinutes"] = clock.Target.TotalMinutes,
            ["elapsedPercent"] = Math.Round(clock.ElapsedPercent(firedAt), 2),
        };
        if (clock.PredictedBreachAt(firedAt) is { } breach)
        {
            payload["predictedBreachAt"] = Text(breach);
        }

        if (ticket is not null)
        {
            payload["ticket"] = new JsonObject
            {
                ["id"] = ticket.Id,
                ["source"] = ticket.Source,
                ["externalId"] = ticket.ExternalId,
                ["client"] = ticket.Client,
                ["tier"] = ticket.Tier,
                ["priority"] = ticket.Priority,
                ["title"] = ticket.Title,
                ["status"] = ticket.Status,
                ["openedAt"] = Text(ticket.OpenedAt),
            };
        }

        return payload;
    }

    /// <summary>An instant as the events write it: ISO 8601 in UTC.</summary>
    public static string Text(DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
