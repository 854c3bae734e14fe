namespace EscalationFlows.Persistence.Entities;

/// <summary>Who owns a stage of an escalation, since when and why (table <c>esc_stage_owners</c>, key escalation + sequence).</summary>
public sealed class EscalationStageOwnerRow
{
    public required string EscalationId { get; set; }

    public int Sequence { get; set; }

    public required string Stage { get; set; }

    public string? OwnerId { get; set; }

    public required string OwnerName { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Reason { get; set; }

    public required string Actor { get; set; }
}
