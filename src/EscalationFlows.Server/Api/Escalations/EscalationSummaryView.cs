using EscalationFlows.Escalations.Records;

namespace EscalationFlows.Server.Api.Escalations;

/// <summary>An escalation in a list.</summary>
public sealed record EscalationSummaryView
{
    public required string Id { get; init; }

    public required string Number { get; init; }

    public required string Title { get; init; }

    public required string Client { get; init; }

    public string? Tier { get; init; }

    public required string Stage { get; init; }

    public int? Priority { get; init; }

    public string? Severity { get; init; }

    public string? ResolutionTeam { get; init; }

    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? SlaStatus { get; init; }

    public DateTimeOffset? ResponseDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public required string TriggerReason { get; init; }

    public int ElevationLevel { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public static EscalationSummaryView From(EscalationRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new EscalationSummaryView
        {
            Id = record.Id,
            Number = record.DisplayNumber,
            Title = record.Title,
            Client = record.Client,
            Tier = record.Tier,
            Stage = record.Stage,
            Priority = record.Priority,
            Severity = record.Severity,
            ResolutionTeam = record.ResolutionTeam,
            OwnerId = record.OwnerId,
            OwnerName = record.OwnerName,
            SlaStatus = record.SlaStatus,
            ResponseDueAt = record.ResponseDueAt,
            ResolutionDueAt = record.ResolutionDueAt,
            TriggerReason = record.TriggerReason,
            ElevationLevel = record.ElevationLevel,
            OpenedAt = record.OpenedAt,
            UpdatedAt = record.UpdatedAt,
            ClosedAt = record.ClosedAt,
        };
    }
}
