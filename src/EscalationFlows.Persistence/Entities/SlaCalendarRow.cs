namespace EscalationFlows.Persistence.Entities;

/// <summary>One version of a business calendar (table <c>sla_calendars</c>); never changed once written.</summary>
public sealed class SlaCalendarRow
{
    public required string Id { get; set; }

    public required int Version { get; set; }

    public required string Name { get; set; }

    public required string TimeZone { get; set; }

    /// <summary>The normalised calendar definition as JSON (<c>WorkflowJson</c>).</summary>
    public required string Document { get; set; }

    public bool IsLatest { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
