using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Server.Api.Escalations;

/// <summary>An escalation record as the API shows it.</summary>
public sealed record EscalationView
{
    public required string Id { get; init; }

    public required string Number { get; init; }

    public string? SourceSystem { get; init; }

    public string? ExternalTicketId { get; init; }

    public string? ExternalTicketUrl { get; init; }

    public string? TicketId { get; init; }

    public required string Client { get; init; }

    public string? ClientEmail { get; init; }

    public string? ClientContact { get; init; }

    public string? AccountId { get; init; }

    public JsonObject? Account { get; init; }

    public string? Tier { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    public int? Impact { get; init; }

    public int? Urgency { get; init; }

    public int? Priority { get; init; }

    public string? Severity { get; init; }

    public IReadOnlyList<string> SeverityReasons { get; init; } = [];

    public required string TriggerReason { get; init; }

    public string? Handler { get; init; }

    public IReadOnlyList<string> Stakeholders { get; init; } = [];

    public bool Flagged { get; init; }

    public string? FlagReason { get; init; }

    public IReadOnlyList<string> CriteriaMatched { get; init; } = [];

    public required string Stage { get; init; }

    public DateTimeOffset StageSince { get; init; }

    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? OwnerReason { get; init; }

    public string? ResolutionTeam { get; init; }

    public string? AuthorityLevel { get; init; }

    public string? RoutingExplanation { get; init; }

    public int ElevationLevel { get; init; }

    public required string Elevation { get; init; }

    public IReadOnlyList<string> PriorAttempts { get; init; } = [];

    public string? RemediationPlan { get; init; }

    public string? ResolutionDetails { get; init; }

    public string? RootCauseCategory { get; init; }

    public IReadOnlyList<string> PreventiveActions { get; init; } = [];

    public string? ProcessChanges { get; init; }

    public string? ReviewNotes { get; init; }

    public string? ClientConfirmation { get; init; }

    public string? ClientComment { get; init; }

    public int ReopenCount { get; init; }

    public int LoopBackCount { get; init; }

    public string? SlaStatus { get; init; }

    public DateTimeOffset? ResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public string? TriggerInstanceId { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public static EscalationView From(EscalationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new EscalationView
        {
            Id = record.Id,
            Number = record.DisplayNumber,
            SourceSystem = record.SourceSystem,
            ExternalTicketId = record.ExternalTicketId,
            ExternalTicketUrl = record.ExternalTicketUrl,
            TicketId = record.TicketId,
            Client = record.Client,
            ClientEmail = record.ClientEmail,
            ClientContact = record.ClientContact,
            AccountId = record.AccountId,
            Account = record.Account,
            Tier = record.Tier,
            Title = record.Title,
            Description = record.Description,
            Category = record.Category,
            Impact = record.Impact,
            Urgency = record.Urgency,
            Priority = record.Priority,
            Severity = record.Severity,
            SeverityReasons = record.SeverityReasons,
            TriggerReason = record.TriggerReason,
            Handler = record.Handler,
            Stakeholders = record.Stakeholders,
            Flagged = record.Flagged,
            FlagReason = record.FlagReason,
            CriteriaMatched = record.CriteriaMatched,
            Stage = record.Stage,
            StageSince = record.StageSince,
            OwnerId = record.OwnerId,
            OwnerName = record.OwnerName,
            OwnerReason = record.OwnerReason,
            ResolutionTeam = record.ResolutionTeam,
            AuthorityLevel = record.AuthorityLevel,
            RoutingExplanation = record.RoutingExplanation,
            ElevationLevel = record.ElevationLevel,
            Elevation = ElevationLevels.Name(record.ElevationLevel),
            PriorAttempts = record.PriorAttempts,
            RemediationPlan = record.RemediationPlan,
            ResolutionDetails = record.ResolutionDetails,
            RootCauseCategory = record.RootCauseCategory,
            PreventiveActions = record.PreventiveActions,
            ProcessChanges = record.ProcessChanges,
            ReviewNotes = record.ReviewNotes,
            ClientConfirmation = record.ClientConfirmation,
            ClientComment = record.ClientComment,
            ReopenCount = record.ReopenCount,
            LoopBackCount = record.LoopBackCount,
            SlaStatus = record.SlaStatus,
            ResponseDueAt = record.ResponseDueAt,
            ResolutionDueAt = record.ResolutionDueAt,
            TriggerInstanceId = record.TriggerInstanceId,
            OpenedAt = record.OpenedAt,
            UpdatedAt = record.UpdatedAt,
            ClosedAt = record.ClosedAt,
        };
    }
}
