namespace EscalationFlows.Persistence.Entities;

/// <summary>One timeline event of an escalation (table <c>esc_timeline</c>, key escalation + sequence).</summary>
public sealed class EscalationTimelineRow
{
    public required string EscalationId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public required string ActorId { get; set; }

    public required string Actor { get; set; }

    public required string Kind { get; set; }

    public required string Text { get; set; }

    public required string Source { get; set; }

    /// <summary>JSON object.</summary>
    public string? Details { get; set; }
}
