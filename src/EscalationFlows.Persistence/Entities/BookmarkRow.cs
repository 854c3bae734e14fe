using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A bookmark (table <c>wf_bookmarks</c>). Kept after it is consumed or cancelled, so a late resume gets a clear
/// conflict instead of "not found".
/// </summary>
public sealed class BookmarkRow
{
    public required string Id { get; set; }

    public required string InstanceId { get; set; }

    public required string ActivityId { get; set; }

    public required string Kind { get; set; }

    public string? StimulusHash { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>JSON, or null.</summary>
    public string? Payload { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public BookmarkState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was consumed or cancelled.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
