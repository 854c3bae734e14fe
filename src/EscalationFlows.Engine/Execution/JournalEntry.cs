namespace EscalationFlows.Engine.Execution;

/// <summary>One append-only record of what happened in an instance.</summary>
public sealed record JournalEntry
{
    public required long Sequence { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public required string Event { get; init; }

    public string? ActivityId { get; init; }

    public string? ActivityType { get; init; }

    public IReadOnlyList<string>? Outcomes { get; init; }

    public double? DurationMs { get; init; }

    public int? Attempt { get; init; }

    public string? BookmarkId { get; init; }

    public string? Message { get; init; }
}
