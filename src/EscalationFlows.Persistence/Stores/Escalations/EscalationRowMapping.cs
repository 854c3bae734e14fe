using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Records;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>Escalation records and their list entries ↔ rows.</summary>
internal static class EscalationRowMapping
{
    public static EscalationRecord ToRecord(EscalationRow row) => new()
    {
        Id = row.Id,
        Number = row.Number,
        SourceSystem = row.SourceSystem,
        ExternalTicketId = row.ExternalTicketId,
        ExternalTicketUrl = row.ExternalTicketUrl,
        TicketId = row.TicketId,
        Client = row.Client,
        ClientEmail = row.ClientEmail,
        ClientContact = row.ClientContact,
        AccountId = row.AccountId,
        Account = row.Account is null ? null : WorkflowJson.ParseNode(row.Account) as JsonObject,
        Tier = row.Tier,
        Title = row.Title,
        Description = row.Description,
        Category = row.Category,
        Impact = row.Impact,
        Urgency = row.Urgency,
        Priority = row.Priority,
        Severity = row.Severity,
        SeverityReasons = List(row.SeverityReasons),
        TriggerReason = row.TriggerReason,
        Handler = row.Handler,
        Stakeholders = List(row.Stakeholders),
        Flagged = row.Flagged,
        FlagReason = row.FlagReason,
        CriteriaMatched = List(row.CriteriaMatched),
        Stage = row.Stage,
        StageSince = row.StageSince,
        OwnerId = row.OwnerId,
        OwnerName = row.OwnerName,
        OwnerReason = row.OwnerReason,
        StageOwnerId = row.StageOwnerId,
        StageOwnerName = row.StageOwnerName,
        ResolutionTeam = row.ResolutionTeam,
        AuthorityLevel = row.AuthorityLevel,
        RoutingExplanation = row.RoutingExplanation,
        ElevationLevel = row.ElevationLevel,
        PriorAttempts = List(row.PriorAttempts),
        RemediationPlan = row.RemediationPlan,
        ResolutionDetails = row.ResolutionDetails,
        RootCauseCategory = row.RootCauseCategory,
        PreventiveActions = List(row.PreventiveActions),
        ProcessChanges = row.ProcessChanges,
        ReviewNotes = row.ReviewNotes,
        ClientConfirmation = row.ClientConfirmation,
        ClientComment = row.ClientComment,
        ReopenCount = row.ReopenCount,
        LoopBackCount = row.LoopBackCount,
        SlaStatus = row.SlaStatus,
        ResponseDueAt = row.ResponseDueAt,
        ResolutionDueAt = row.ResolutionDueAt,
        Summary = row.Summary is null ? null : WorkflowJson.Deserialize<ContextSummary>(row.Summary),
        SummaryAt = row.SummaryAt,
        TriggerInstanceId = row.TriggerInstanceId,
        OpenedAt = row.OpenedAt,
        UpdatedAt = row.UpdatedAt,
        ClosedAt = row.ClosedAt,
        TimelineCount = row.TimelineCount,
        CommunicationCount = row.CommunicationCount,
        StageOwnerCount = row.StageOwnerCount,
        Revision = row.Revision,
    };

    public static EscalationRow NewRow(EscalationRecord record)
    {
        var row = new EscalationRow
        {
            Id = record.Id,
            Client = record.Client,
            ClientKey = Key(record.Client)!,
            Title = record.Title,
            SeverityReasons = "[]",
            TriggerReason = record.TriggerReason,
            Stakeholders = "[]",
            CriteriaMatched = "[]",
            Stage = record.Stage,
            PriorAttempts = "[]",
            PreventiveActions = "[]",
        };
        CopyTo(record, row);
        return row;
    }

    /// <summary>Writes every field of the record into the row (the revision moves on by one).</summary>
    public static void CopyTo(EscalationRecord record, EscalationRow row)
    {
        row.Number = record.Number;
        row.SourceSystem = record.SourceSystem;
        row.ExternalTicketId = record.ExternalTicketId;
        row.ExternalTicketUrl = record.ExternalTicketUrl;
        row.TicketId = record.TicketId;
        row.ActiveTicketId = EscalationStages.IsFinal(record.Stage) ? null : record.TicketId;
        row.Client = record.Client;
        row.ClientKey = Key(record.Client)!;
        row.ClientEmail = record.ClientEmail;
        row.ClientContact = record.ClientContact;
        row.AccountId = record.AccountId;
        row.Account = record.Account is null ? null : WorkflowJson.Serialize<JsonNode>(record.Account);
        row.Tier = record.Tier;
        row.Title = record.Title;
        row.Description = record.Description;
        row.Category = record.Category;
        row.Impact = record.Impact;
        row.Urgency = record.Urgency;
        row.Priority = record.Priority;
        row.Severity = record.Severity;
        row.SeverityReasons = WorkflowJson.Serialize(record.SeverityReasons);
        row.TriggerReason = record.TriggerReason;
        row.Handler = record.Handler;
        row.Stakeholders = WorkflowJson.Serialize(record.Stakeholders);
        row.Flagged = record.Flagged;
        row.FlagReason = record.FlagReason;
        row.CriteriaMatched = WorkflowJson.Serialize(record.CriteriaMatched);
        row.Stage = record.Stage;
        row.StageSince = record.StageSince;
        row.OwnerId = record.OwnerId;
        row.OwnerName = record.OwnerName;
        row.OwnerReason = record.OwnerReason;
        row.StageOwnerId = record.StageOwnerId;
        row.StageOwnerName = record.StageOwnerName;
        row.ResolutionTeam = record.ResolutionTeam;
        row.ResolutionTeamKey = Key(record.ResolutionTeam);
        row.AuthorityLevel = record.AuthorityLevel;
        row.RoutingExplanation = record.RoutingExplanation;
        row.ElevationLevel = record.ElevationLevel;
        row.PriorAttempts = WorkflowJson.Serialize(record.PriorAttempts);
        row.RemediationPlan = record.RemediationPlan;
        row.ResolutionDetails = record.ResolutionDetails;
        row.RootCauseCategory = record.RootCauseCategory;
        row.PreventiveActions = WorkflowJson.Serialize(record.PreventiveActions);
        row.ProcessChanges = record.ProcessChanges;
        row.ReviewNotes = record.ReviewNotes;
        row.ClientConfirmation = record.ClientConfirmation;
        row.ClientComment = record.ClientComment;
        row.ReopenCount = record.ReopenCount;
        row.LoopBackCount = record.LoopBackCount;
        row.SlaStatus = record.SlaStatus;
        row.ResponseDueAt = record.ResponseDueAt;
        row.ResolutionDueAt = record.ResolutionDueAt;
        row.Summary = record.Summary is null ? null : WorkflowJson.Serialize(record.Summary);
        row.SummaryAt = record.SummaryAt;
        row.TriggerInstanceId = record.TriggerInstanceId;
        row.OpenedAt = record.OpenedAt;
        row.UpdatedAt = record.UpdatedAt;
        row.ClosedAt = record.ClosedAt;
        row.TimelineCount = record.TimelineCount;
        row.CommunicationCount = record.CommunicationCount;
        row.StageOwnerCount = record.StageOwnerCount;
        row.Revision = record.Revision + 1;
    }

    public static EscalationTimelineRow ToRow(string escalationId, TimelineEvent entry) => new()
    {
        EscalationId = escalationId,
        Sequence = entry.Sequence,
        At = entry.At,
        ActorId = entry.ActorId,
        Actor = entry.Actor,
        Kind = entry.Kind,
        Text = entry.Text,
        Source = entry.Source,
        Details = entry.Details is null ? null : WorkflowJson.Serialize<JsonNode>(entry.Details),
    };

    public static TimelineEvent ToEvent(EscalationTimelineRow row) => new()
    {
        Sequence = row.Sequence,
        At = row.At,
        ActorId = row.ActorId,
        Actor = row.Actor,
        Kind = row.Kind,
        Text = row.Text,
        Source = row.Source,
        Details = row.Details is null ? null : WorkflowJson.ParseNode(row.Details) as JsonObject,
    };

    public static EscalationCommunicationRow ToRow(string escalationId, CommunicationEntry entry) => new()
    {
        EscalationId = escalationId,
        Sequence = entry.Sequence,
        At = entry.At,
        Direction = entry.Direction,
        Channel = entry.Channel,
        Audience = entry.Audience,
        Recipients = WorkflowJson.Serialize(entry.To),
        Subject = entry.Subject,
        Body = entry.Body,
        Status = entry.Status,
        OutboxMessageId = entry.OutboxMessageId,
        Purpose = entry.Purpose,
        Actor = entry.Actor,
    };

    public static CommunicationEntry ToEntry(EscalationCommunicationRow row, string? status = null) => new()
    {
        Sequence = row.Sequence,
        At = row.At,
        Direction = row.Direction,
        Channel = row.Channel,
        Audience = row.Audience,
        To = List(row.Recipients),
        Subject = row.Subject,
        Body = row.Body,
        Status = status ?? row.Status,
        OutboxMessageId = row.OutboxMessageId,
        Purpose = row.Purpose,
        Actor = row.Actor,
    };

    public static EscalationStageOwnerRow ToRow(string escalationId, StageOwnerEntry entry) => new()
    {
        EscalationId = escalationId,
        Sequence = entry.Sequence,
        Stage = entry.Stage,
        OwnerId = entry.OwnerId,
        OwnerName = entry.OwnerName,
        At = entry.At,
        Reason = entry.Reason,
        Actor = entry.Actor,
    };

    public static StageOwnerEntry ToEntry(EscalationStageOwnerRow row) => new()
    {
        Sequence = row.Sequence,
        Stage = row.Stage,
        OwnerId = row.OwnerId,
        OwnerName = row.OwnerName,
        At = row.At,
        Reason = row.Reason,
        Actor = row.Actor,
    };

    public static string? Key(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ToLowerInvariant();

    private static List<string> List(string json) => WorkflowJson.Deserialize<List<string>>(json) ?? [];
}
