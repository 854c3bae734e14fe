namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// An escalation record (table <c>esc_escalations</c>); lists are JSON text. Changed only through escalation effects
/// applied in the transaction of a workflow step (or an API change with the same rules). <see cref="Revision"/> is the
/// optimistic-concurrency token: two steps changing one escalation at once cannot both win.
/// </summary>
public sealed class EscalationRow
{
    public required string Id { get; set; }

    /// <summary>Gap-free per database (<c>esc_counters</c>), unique.</summary>
    public long Number { get; set; }

    public string? SourceSystem { get; set; }

    public string? ExternalTicketId { get; set; }

    public string? ExternalTicketUrl { get; set; }

    public string? TicketId { get; set; }

    /// <summary>The tracked ticket while the escalation is open (null once closed or returned): unique, so a ticket has one open escalation.</summary>
    public string? ActiveTicketId { get; set; }

    public required string Client { get; set; }

    /// <summary>The client in lower case, for filters.</summary>
    public required string ClientKey { get; set; }

    public string? ClientEmail { get; set; }

    public string? ClientContact { get; set; }

    public string? AccountId { get; set; }

    /// <summary>JSON object.</summary>
    public string? Account { get; set; }

    public string? Tier { get; set; }

    public required string Title { get; set; }

    public string? Description { get; set; }

    public string? Category { get; set; }

    public int? Impact { get; set; }

    public int? Urgency { get; set; }

    public int? Priority { get; set; }

    public string? Severity { get; set; }

    /// <summary>JSON array.</summary>
    public required string SeverityReasons { get; set; }

    public required string TriggerReason { get; set; }

    public string? Handler { get; set; }

    /// <summary>JSON array.</summary>
    public required string Stakeholders { get; set; }

    public bool Flagged { get; set; }

    public string? FlagReason { get; set; }

    /// <summary>JSON array.</summary>
    public required string CriteriaMatched { get; set; }

    public required string Stage { get; set; }

    public DateTimeOffset StageSince { get; set; }

    public string? OwnerId { get; set; }

    public string? OwnerName { get; set; }

    public string? OwnerReason { get; set; }

    public string? StageOwnerId { get; set; }

    public string? StageOwnerName { get; set; }

    public string? ResolutionTeam { get; set; }

    /// <summary>The team in lower case, for filters.</summary>
    public string? ResolutionTeamKey { get; set; }

    public string? AuthorityLevel { get; set; }

    public string? RoutingExplanation { get; set; }

    public int ElevationLevel { get; set; }

    /// <summary>JSON array.</summary>
    public required string PriorAttempts { get; set; }

    public string? RemediationPlan { get; set; }

    public string? ResolutionDetails { get; set; }

    public string? RootCauseCategory { get; set; }

    /// <summary>JSON array.</summary>
    public required string PreventiveActions { get; set; }

    public string? ProcessChanges { get; set; }

    public string? ReviewNotes { get; set; }

    public string? ClientConfirmation { get; set; }

    public string? ClientComment { get; set; }

    public int ReopenCount { get; set; }

    public int LoopBackCount { get; set; }

    public string? SlaStatus { get; set; }

    public DateTimeOffset? ResponseDueAt { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    /// <summary>JSON: the cited context summary.</summary>
    public string? Summary { get; set; }

    public DateTimeOffset? SummaryAt { get; set; }

    public string? TriggerInstanceId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int TimelineCount { get; set; }

    public int CommunicationCount { get; set; }

    public int StageOwnerCount { get; set; }

    public long Revision { get; set; }
}
