namespace EscalationFlows.Persistence.Entities;

/// <summary>An incident of an instance (table <c>wf_incidents</c>), kept in step with the instance state on every commit.</summary>
public sealed class IncidentRow
{
    public required string InstanceId { get; set; }

    public required string Id { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public required string Code { get; set; }

    public required string Message { get; set; }

    public int Attempt { get; set; }

    public DateTimeOffset Timestamp { get; set; }

    public bool Resolved { get; set; }
}
