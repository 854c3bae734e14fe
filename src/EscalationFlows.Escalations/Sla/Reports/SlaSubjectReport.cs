using EscalationFlows.Escalations.Sla.Subjects;

namespace EscalationFlows.Escalations.Sla.Reports;

/// <summary>The answer of <c>GET /api/sla/{subjectId}</c>: every clock of a subject at one instant.</summary>
public sealed record SlaSubjectReport
{
    public required string SubjectId { get; init; }

    public required SlaSubjectType SubjectType { get; init; }

    /// <summary>The instant the report describes (now).</summary>
    public required DateTimeOffset At { get; init; }

    public required IReadOnlyList<SlaMetricReport> Metrics { get; init; }
}
