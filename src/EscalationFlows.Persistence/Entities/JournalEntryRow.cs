namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// One append-only journal record (table <c>wf_journal</c>). The key (instance, sequence) makes a duplicated step
/// impossible to write: the second writer's whole burst fails.
/// </summary>
public sealed class JournalEntryRow
{
    public required string InstanceId { get; set; }

    public long Sequence { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public required string Event { get; set; }

    public string? ActivityId { get; set; }

    public string? ActivityType { get; set; }

    /// <summary>The outcome ports as a JSON array, or null.</summary>
    public string? Outcomes { get; set; }

    public double? DurationMs { get; set; }

    public int? Attempt { get; set; }

    public string? BookmarkId { get; set; }

    public string? Message { get; set; }
}
