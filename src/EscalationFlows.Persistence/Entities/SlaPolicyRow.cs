namespace EscalationFlows.Persistence.Entities;

/// <summary>One version of an SLA policy (table <c>sla_policies</c>); never changed once written.</summary>
public sealed class SlaPolicyRow
{
    public required string Id { get; set; }

    public required int Version { get; set; }

    public required string Name { get; set; }

    public required string CalendarId { get; set; }

    /// <summary>The policy as JSON (<c>WorkflowJson</c>).</summary>
    public required string Document { get; set; }

    public bool IsLatest { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
