using System.Text.Json.Nodes;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>What an escalation starts with (the Open part of an <see cref="EscalationEffect"/>).</summary>
public sealed record EscalationOpening
{
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

    public required string TriggerReason { get; init; }

    public string? Handler { get; init; }

    public IReadOnlyList<string> Stakeholders { get; init; } = [];

    public IReadOnlyList<string> PriorAttempts { get; init; } = [];

    public bool Flagged { get; init; }

    public string? FlagReason { get; init; }

    public DateTimeOffset? ResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public string? SlaStatus { get; init; }

    public required string TriggerInstanceId { get; init; }
}
