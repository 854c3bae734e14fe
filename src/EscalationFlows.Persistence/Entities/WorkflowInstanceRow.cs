using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// A workflow instance (table <c>wf_instances</c>): the whole state as JSON, plus the fields lists and filters need
/// as columns. <see cref="Revision"/> is the optimistic-concurrency token, raised by one on every commit.
/// </summary>
public sealed class WorkflowInstanceRow
{
    public required string Id { get; set; }

    public required string DefinitionId { get; set; }

    public required int DefinitionVersion { get; set; }

    public WorkflowStatus Status { get; set; }

    public string? SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    public string? ParentInstanceId { get; set; }

    /// <summary>The <see cref="WorkflowState"/> as compact JSON (<c>WorkflowJson</c>).</summary>
    public required string State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Incidents not yet resolved.</summary>
    public int IncidentCount { get; set; }

    public long Revision { get; set; }
}
