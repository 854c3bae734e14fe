namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A durable timer (table <c>wf_timers</c>): a timer bookmark (kind <c>bookmark</c>, id = bookmark id) or a module
/// timer. A claimed timer carries a lease; when the lease runs out before the timer is completed, it is claimed again.
/// </summary>
public sealed class TimerRow
{
    public required string Id { get; set; }

    public required string Kind { get; set; }

    public string? InstanceId { get; set; }

    public string? BookmarkId { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>JSON, or null.</summary>
    public string? Payload { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public int Attempts { get; set; }
}
