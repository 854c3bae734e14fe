using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Sla.Subjects;

namespace EscalationFlows.Escalations.Sla.Activities;

/// <summary>
/// A clock change an SLA activity asks for (<c>ctx.RecordEffect(Kind, …)</c>). The store's commit participant applies it
/// inside the burst's transaction, together with the threshold timers it moves, so the workflow step and the clock
/// change commit or vanish together.
/// </summary>
public sealed record SlaEffect
{
    /// <summary>The effect kind in <see cref="Engine.Execution.BurstEffect.Kind"/>.</summary>
    public const string Kind = "sla.clock";

    /// <summary>start, pause, resume or stop (see <see cref="SlaEffectOperations"/>).</summary>
    public required string Operation { get; init; }

    public required string SubjectId { get; init; }

    public SlaSubjectType SubjectType { get; init; } = SlaSubjectType.Escalation;

    /// <summary>The metrics it applies to; empty for every clock of the subject (pause, resume, stop).</summary>
    public IReadOnlyList<SlaMetric> Metrics { get; init; } = [];

    /// <summary>Start only: the policy.</summary>
    public string? PolicyId { get; init; }

    /// <summary>Start only: the priority.</summary>
    public int? Priority { get; init; }

    /// <summary>Start only: the client tier.</summary>
    public string? Tier { get; init; }

    /// <summary>Start only: a team or client calendar replacing the policy's.</summary>
    public string? CalendarId { get; init; }

    /// <summary>Pause only: the reason written in the ledger.</summary>
    public string? Reason { get; init; }

    /// <summary>When the activity ran (the burst's time).</summary>
    public required DateTimeOffset At { get; init; }

    public JsonNode ToJson() => WorkflowJson.ToNode(this)!;

    /// <exception cref="System.Text.Json.JsonException">When the payload is not an SLA effect.</exception>
    public static SlaEffect FromJson(JsonNode payload) =>
        WorkflowJson.Deserialize<SlaEffect>(payload) ?? throw new System.Text.Json.JsonException("The SLA effect payload is empty.");
}
