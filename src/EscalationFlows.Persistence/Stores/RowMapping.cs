using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.Stores;

/// <summary>Converts between engine records and rows. JSON is always written with <see cref="WorkflowJson"/>.</summary>
internal static class RowMapping
{
    public static WorkflowInstanceRow ToRow(WorkflowState state, string stateJson, long revision) => new()
    {
        Id = state.Id,
        DefinitionId = state.DefinitionId,
        DefinitionVersion = state.DefinitionVersion,
        Status = state.Status,
        SubStatus = state.SubStatus,
        CorrelationId = state.CorrelationId,
        ParentInstanceId = state.ParentInstanceId,
        State = stateJson,
        CreatedAt = state.CreatedAt,
        UpdatedAt = state.UpdatedAt,
        FinishedAt = state.FinishedAt,
        IncidentCount = UnresolvedIncidents(state),
        Revision = revision,
    };

    public static int UnresolvedIncidents(WorkflowState state) => state.Incidents.Count(i => !i.Resolved);

    public static BookmarkRow ToRow(Bookmark bookmark) => new()
    {
        Id = bookmark.Id,
        InstanceId = bookmark.InstanceId,
        ActivityId = bookmark.ActivityId,
        Kind = bookmark.Kind,
        StimulusHash = bookmark.StimulusHash,
        CorrelationId = bookmark.CorrelationId,
        Payload = Json(bookmark.Payload),
        DueAt = bookmark.DueAt,
        State = BookmarkState.Active,
        CreatedAt = bookmark.CreatedAt,
    };

    public static Bookmark ToBookmark(BookmarkRow row) => new()
    {
        Id = row.Id,
        InstanceId = row.InstanceId,
        ActivityId = row.ActivityId,
        Kind = row.Kind,
        StimulusHash = row.StimulusHash,
        CorrelationId = row.CorrelationId,
        Payload = Node(row.Payload),
        DueAt = row.DueAt,
        CreatedAt = row.CreatedAt,
    };

    public static JournalEntryRow ToRow(string instanceId, JournalEntry entry) => new()
    {
        InstanceId = instanceId,
        Sequence = entry.Sequence,
        Timestamp = entry.Timestamp,
        Event = entry.Event,
        ActivityId = entry.ActivityId,
        ActivityType = entry.ActivityType,
        Outcomes = entry.Outcomes is null ? null : WorkflowJson.Serialize(entry.Outcomes),
        DurationMs = entry.DurationMs,
        Attempt = entry.Attempt,
        BookmarkId = entry.BookmarkId,
        Message = entry.Message,
    };

    public static JournalEntry ToEntry(JournalEntryRow row) => new()
    {
        Sequence = row.Sequence,
        Timestamp = row.Timestamp,
        Event = row.Event,
        ActivityId = row.ActivityId,
        ActivityType = row.ActivityType,
        Outcomes = row.Outcomes is null ? null : WorkflowJson.Deserialize<List<string>>(row.Outcomes),
        DurationMs = row.DurationMs,
        Attempt = row.Attempt,
        BookmarkId = row.BookmarkId,
        Message = row.Message,
    };

    public static IncidentRow ToRow(string instanceId, Incident incident) => new()
    {
        InstanceId = instanceId,
        Id = incident.Id,
        ActivityId = incident.ActivityId,
        ActivityType = incident.ActivityType,
        Code = incident.Code,
        Message = incident.Message,
        Attempt = incident.Attempt,
        Timestamp = incident.Timestamp,
        Resolved = incident.Resolved,
    };

    public static void Update(IncidentRow row, Incident incident)
    {
        row.ActivityId = incident.ActivityId;
        row.ActivityType = incident.ActivityType;
        row.Code = incident.Code;
        row.Message = incident.Message;
        row.Attempt = incident.Attempt;
        row.Timestamp = incident.Timestamp;
        row.Resolved = incident.Resolved;
    }

    public static OutboxMessageRow ToRow(OutboxMessage message) => new()
    {
        Id = message.Id,
        InstanceId = message.InstanceId,
        Kind = message.Kind,
        Payload = WorkflowJson.Serialize(message.Payload),
        CreatedAt = message.CreatedAt,
        NextAttemptAt = message.CreatedAt,
    };

    public static OutboxMessage ToMessage(OutboxMessageRow row) => new()
    {
        Id = row.Id,
        InstanceId = row.InstanceId,
        Kind = row.Kind,
        Payload = Node(row.Payload) ?? new JsonObject(),
        CreatedAt = row.CreatedAt,
        Attempts = row.Attempts,
    };

    public static DueTimer ToDueTimer(TimerRow row) =>
        new(row.Id, row.Kind, row.InstanceId, row.BookmarkId, row.DueAt, Node(row.Payload), row.Attempts);

    public static string? Json(JsonNode? node) => node is null ? null : WorkflowJson.Serialize(node);

    public static JsonNode? Node(string? json) => json is null ? null : WorkflowJson.ParseNode(json);
}
