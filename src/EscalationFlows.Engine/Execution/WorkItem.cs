namespace EscalationFlows.Engine.Execution;

/// <summary>A token waiting to be delivered to an activity, or a retry of a failed execution.</summary>
public sealed record WorkItem
{
    public required string ActivityId { get; init; }

    /// <summary>The connection that carried the token (absent for start and retry items).</summary>
    public string? ConnectionKey { get; init; }

    /// <summary>The attempt number when this item re-runs a failed activity.</summary>
    public int? Attempt { get; init; }

    /// <summary>
    /// Set when the item runs a failed execution again (automatic retry or a retried faulted instance): it is the
    /// same run of the activity, so its run count and idempotency keys do not change.
    /// </summary>
    public bool? Retry { get; init; }

    /// <summary>Set when the item continues an activity from this bookmark instead of executing it afresh.</summary>
    public Bookmark? ResumeBookmark { get; init; }

    public System.Text.Json.Nodes.JsonNode? ResumeInput { get; init; }
}
