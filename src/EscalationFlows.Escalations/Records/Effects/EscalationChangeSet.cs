using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>What applying one effect produced: the record after it and the rows to add.</summary>
public sealed record EscalationChangeSet
{
    public required EscalationRecord Record { get; init; }

    public bool Created { get; init; }

    public IReadOnlyList<TimelineEvent> Timeline { get; init; } = [];

    public IReadOnlyList<CommunicationEntry> Communications { get; init; } = [];

    public IReadOnlyList<StageOwnerEntry> StageOwners { get; init; } = [];

    /// <summary>Mail and webhook messages to queue in the same transaction.</summary>
    public IReadOnlyList<OutboxMessage> Outbox { get; init; } = [];

    public ClientLinkNote? IssueClientLink { get; init; }

    public string? UseClientLinkId { get; init; }

    public string? RevokeClientLinkId { get; init; }

    public CursorMove? Cursor { get; init; }
}
