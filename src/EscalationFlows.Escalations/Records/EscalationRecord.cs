using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Context;

namespace EscalationFlows.Escalations.Records;

/// <summary>
/// An escalation: where it came from, how it was classified and routed, who owns it, how far it was elevated, what
/// the client said and what was learned. Changed only through <see cref="Effects.EscalationEffect"/>s applied in the
/// transaction of the workflow step that asked for them; its timeline, communications and stage owners are separate
/// lists (see <see cref="Storage.IEscalationStore"/>).
/// </summary>
public sealed record EscalationRecord
{
    public required string Id { get; init; }

    /// <summary>The gap-free number (<see cref="DisplayNumber"/> is <c>ESC-000123</c>).</summary>
    public long Number { get; init; }

    public string DisplayNumber => EscalationNumbers.Format(Number);

    public string? SourceSystem { get; init; }

    public string? ExternalTicketId { get; init; }

    public string? ExternalTicketUrl { get; init; }

    /// <summary>The tracked ticket (<c>/api/tickets/{id}</c>) it escalates, if any.</summary>
    public string? TicketId { get; init; }

    public required string Client { get; init; }

    public string? ClientEmail { get; init; }

    public string? ClientContact { get; init; }

    public string? AccountId { get; init; }

    /// <summary>Account data shown to the resolution team (contract, products, contacts...).</summary>
    public JsonObject? Account { get; init; }

    public string? Tier { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public string? Category { get; init; }

    /// <summary>1 (high) to 3 (low).</summary>
    public int? Impact { get; init; }

    /// <summary>1 (high) to 3 (low).</summary>
    public int? Urgency { get; init; }

    /// <summary>1 (critical) to 5 (planning).</summary>
    public int? Priority { get; init; }

    /// <summary>The severity label of the priority (Critical, High, Moderate, Low, Planning).</summary>
    public string? Severity { get; init; }

    public IReadOnlyList<string> SeverityReasons { get; init; } = [];

    /// <summary>One of <see cref="TriggerReasons"/>.</summary>
    public required string TriggerReason { get; init; }

    /// <summary>The frontline handler of the ticket (a user id or email).</summary>
    public string? Handler { get; init; }

    public IReadOnlyList<string> Stakeholders { get; init; } = [];

    public bool Flagged { get; init; }

    public string? FlagReason { get; init; }

    /// <summary>Which escalation criteria matched (or why none did).</summary>
    public IReadOnlyList<string> CriteriaMatched { get; init; } = [];

    public required string Stage { get; init; }

    public DateTimeOffset StageSince { get; init; }

    /// <summary>The escalation owner (a user id) and why they were chosen.</summary>
    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? OwnerReason { get; init; }

    /// <summary>The named owner of the current stage (a user id; null while it waits in a queue) and their name or the queue.</summary>
    public string? StageOwnerId { get; init; }

    public string? StageOwnerName { get; init; }

    public string? ResolutionTeam { get; init; }

    public string? AuthorityLevel { get; init; }

    public string? RoutingExplanation { get; init; }

    /// <summary>1 team, 2 senior specialist, 3 operations leadership (<see cref="ElevationLevels"/>).</summary>
    public int ElevationLevel { get; init; } = ElevationLevels.Team;

    public IReadOnlyList<string> PriorAttempts { get; init; } = [];

    public string? RemediationPlan { get; init; }

    public string? ResolutionDetails { get; init; }

    public string? RootCauseCategory { get; init; }

    public IReadOnlyList<string> PreventiveActions { get; init; } = [];

    public string? ProcessChanges { get; init; }

    public string? ReviewNotes { get; init; }

    /// <summary>confirmed, rejected or timed-out (<see cref="ClientConfirmationOutcomes"/>): the latest answer.</summary>
    public string? ClientConfirmation { get; init; }

    public string? ClientComment { get; init; }

    /// <summary>How often the client rejected a resolution.</summary>
    public int ReopenCount { get; init; }

    /// <summary>How often the lifecycle went back to investigation.</summary>
    public int LoopBackCount { get; init; }

    /// <summary>One of <see cref="EscalationSlaStatuses"/>, or null before the escalation's SLA starts.</summary>
    public string? SlaStatus { get; init; }

    public DateTimeOffset? ResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    /// <summary>The cited summary PrepareContext wrote for the resolution team.</summary>
    public ContextSummary? Summary { get; init; }

    public DateTimeOffset? SummaryAt { get; init; }

    /// <summary>The escalation-trigger instance that owns the lifecycle.</summary>
    public string? TriggerInstanceId { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>How many timeline events, communications and stage-owner entries it has (the next sequence numbers).</summary>
    public int TimelineCount { get; init; }

    public int CommunicationCount { get; init; }

    public int StageOwnerCount { get; init; }

    public long Revision { get; init; }
}
