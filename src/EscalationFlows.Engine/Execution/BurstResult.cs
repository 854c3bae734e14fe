namespace EscalationFlows.Engine.Execution;

/// <summary>Everything one burst changed; a store writes it in one transaction.</summary>
public sealed record BurstResult
{
    public required WorkflowState State { get; init; }

    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    public required IReadOnlyList<Bookmark> AddedBookmarks { get; init; }

    public required IReadOnlyList<Bookmark> RemovedBookmarks { get; init; }

    public required IReadOnlyList<OutboxMessage> Outbox { get; init; }

    public required IReadOnlyList<BurstEffect> Effects { get; init; }

    /// <summary>The bookmark this burst consumed, when it was a resume.</summary>
    public string? ConsumedBookmarkId { get; init; }
}
