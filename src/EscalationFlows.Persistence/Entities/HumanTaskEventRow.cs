namespace EscalationFlows.Persistence.Entities;

/// <summary>Something that happened to a task (table <c>ht_task_events</c>): who did what, when, with details as JSON.</summary>
public sealed class HumanTaskEventRow
{
    public long Id { get; set; }

    public required string TaskId { get; set; }

    /// <summary>created, claimed, released, reassigned, escalated-on-deadline, completed, cancelled (<see cref="HumanTaskEventKinds"/>).</summary>
    public required string Kind { get; set; }

    /// <summary>Who did it: a user id, <c>api-key:{id}</c>, <c>client-link:{id}</c>, or <c>system</c>.</summary>
    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>JSON object (reason, from, to, outcome...), or null.</summary>
    public string? Details { get; set; }
}
