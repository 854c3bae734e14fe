using System.Globalization;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Sla;
using EscalationFlows.Escalations.Sla.Clocks;
using EscalationFlows.Escalations.Sla.Subjects;
using EscalationFlows.Escalations.Tickets;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.Stores.Sla;

/// <summary>Converts SLA records to rows and back; JSON is written with <see cref="WorkflowJson"/>.</summary>
internal static class SlaRowMapping
{
    public static TrackedTicket ToTicket(TrackedTicketRow row) => new()
    {
        Id = row.Id,
        Source = row.Source,
        ExternalId = row.ExternalId,
        Client = row.Client,
        Tier = row.Tier,
        Priority = row.Priority,
        Title = row.Title,
        Status = row.Status,
        OpenedAt = row.OpenedAt,
        RespondedAt = row.RespondedAt,
        ResolvedAt = row.ResolvedAt,
        PolicyId = row.PolicyId,
        CalendarId = row.CalendarId,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Revision = row.Revision,
    };

    public static void Copy(TrackedTicket ticket, TrackedTicketRow row)
    {
        row.Client = ticket.Client;
        row.Tier = ticket.Tier;
        row.Priority = ticket.Priority;
        row.Title = ticket.Title;
        row.Status = ticket.Status;
        row.OpenedAt = ticket.OpenedAt;
        row.RespondedAt = ticket.RespondedAt;
        row.ResolvedAt = ticket.ResolvedAt;
        row.PolicyId = ticket.PolicyId;
        row.CalendarId = ticket.CalendarId;
        row.UpdatedAt = ticket.UpdatedAt;
    }

    public static TrackedTicketRow ToRow(TrackedTicket ticket)
    {
        var row = new TrackedTicketRow
        {
            Id = ticket.Id,
            Source = ticket.Source,
            ExternalId = ticket.ExternalId,
            Client = ticket.Client,
            Title = ticket.Title,
            Status = ticket.Status,
            PolicyId = ticket.PolicyId,
            CreatedAt = ticket.CreatedAt,
            Revision = 1,
        };
        Copy(ticket, row);
        return row;
    }

    public static StoredSlaClock ToClock(SlaClockRow row) => new()
    {
        SubjectId = row.SubjectId,
        SubjectType = SlaSubjectTypes.TryParse(row.SubjectType, out var type) ? type : SlaSubjectType.Escalation,
        Metric = SlaMetrics.TryParse(row.Metric, out var metric) ? metric : throw new InvalidOperationException($"Clock of '{row.SubjectId}' has an unknown metric '{row.Metric}'."),
        PolicyId = row.PolicyId,
        PolicyVersion = row.PolicyVersion,
        Priority = row.Priority,
        Tier = row.Tier,
        CalendarId = row.CalendarId,
        CalendarVersion = row.CalendarVersion,
        CalendarOverridden = row.CalendarOverridden,
        State = WorkflowJson.Deserialize<SlaClockState>(row.State)!,
        ScheduledTimers = ReadTimers(row.ScheduledTimers),
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        Revision = row.Revision,
    };

    public static void Copy(StoredSlaClock clock, SlaClockRow row)
    {
        row.SubjectType = SlaSubjectTypes.Name(clock.SubjectType);
        row.PolicyId = clock.PolicyId;
        row.PolicyVersion = clock.PolicyVersion;
        row.Priority = clock.Priority;
        row.Tier = clock.Tier;
        row.CalendarId = clock.CalendarId;
        row.CalendarVersion = clock.CalendarVersion;
        row.CalendarOverridden = clock.CalendarOverridden;
        row.Status = clock.LedgerState;
        row.State = WorkflowJson.Serialize(clock.State);
        row.ScheduledTimers = WriteTimers(clock.ScheduledTimers);
        row.NextDueAt = clock.NextDueAt;
        row.StartedAt = clock.State.StartedAt;
        row.StoppedAt = clock.State.StoppedAt;
        row.UpdatedAt = clock.UpdatedAt;
    }

    public static SlaClockRow ToRow(StoredSlaClock clock)
    {
        var row = new SlaClockRow
        {
            SubjectId = clock.SubjectId,
            Metric = SlaMetrics.Name(clock.Metric),
            SubjectType = SlaSubjectTypes.Name(clock.SubjectType),
            PolicyId = clock.PolicyId,
            CalendarId = clock.CalendarId,
            Status = clock.LedgerState,
            State = string.Empty,
            ScheduledTimers = string.Empty,
            CreatedAt = clock.CreatedAt,
            Revision = 1,
        };
        Copy(clock, row);
        return row;
    }

    public static string MetricName(SlaMetric metric) => SlaMetrics.Name(metric);

    private static string WriteTimers(IReadOnlyDictionary<int, DateTimeOffset> timers) =>
        WorkflowJson.Serialize(timers.OrderBy(t => t.Key).ToDictionary(t => t.Key.ToString(CultureInfo.InvariantCulture), t => t.Value.ToUniversalTime()));

    private static Dictionary<int, DateTimeOffset> ReadTimers(string json) =>
        string.IsNullOrEmpty(json)
            ? []
            : (WorkflowJson.Deserialize<Dictionary<string, DateTimeOffset>>(json) ?? []).ToDictionary(t => int.Parse(t.Key, CultureInfo.InvariantCulture), t => t.Value);
}
