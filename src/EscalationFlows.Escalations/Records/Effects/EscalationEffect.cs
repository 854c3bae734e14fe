using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Escalations.Records.Effects;

/// <summary>
/// A change to one escalation that an activity asks for (<c>ctx.RecordEffect(Kind, effect.ToJson())</c>). The
/// persistence layer applies it with <see cref="EscalationApplier"/> inside the burst's transaction, in the order the
/// activities recorded their effects, so the record never shows half a step. Every part is optional; relative parts
/// (raise the elevation, count a loop-back, name the owner of the current stage) are resolved against the record as
/// it is when the step commits.
/// </summary>
public sealed record EscalationEffect
{
    /// <summary>The effect kind in <see cref="Engine.Execution.BurstEffect.Kind"/>.</summary>
    public const string Kind = "escalation";

    public required string EscalationId { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Who caused it: a user id, <c>client</c>, or <c>system</c> (the default).</summary>
    public string Actor { get; init; } = SystemActor;

    /// <summary>Where it came from, such as <c>workflow:escalation-triage/route</c> or <c>api</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Creates the record (the number is allocated when the step commits).</summary>
    public EscalationOpening? Open { get; init; }

    public EscalationFieldChanges? Set { get; init; }

    /// <summary>Moves the escalation to a stage and names the stage's owner.</summary>
    public StageChange? Stage { get; init; }

    /// <summary>Names the escalation owner (and the owner of the current stage).</summary>
    public OwnerNaming? AssignOwner { get; init; }

    /// <summary>Names the owner of the current stage only.</summary>
    public OwnerNaming? StageOwner { get; init; }

    /// <summary>Raises the elevation level by one (never above operations leadership).</summary>
    public bool RaiseElevation { get; init; }

    public bool CountLoopBack { get; init; }

    public bool CountReopen { get; init; }

    public IReadOnlyList<TimelineNote> Timeline { get; init; } = [];

    /// <summary>Messages rendered and queued when the step commits (recipients resolved from the record then).</summary>
    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];

    /// <summary>Messages received (the client's answer and comment).</summary>
    public IReadOnlyList<InboundMessage> Inbound { get; init; } = [];

    /// <summary>A signed client link issued in this step: its row is written with the step.</summary>
    public ClientLinkNote? IssueClientLink { get; init; }

    /// <summary>The client link that answered: used up in the same transaction (a second use fails the step).</summary>
    public string? UseClientLinkId { get; init; }

    /// <summary>A client link nobody answered and that must stop working (auto-close).</summary>
    public string? RevokeClientLinkId { get; init; }

    /// <summary>Moves a team's round-robin cursor; refused (the step is re-run) when someone moved it meanwhile.</summary>
    public CursorMove? Cursor { get; init; }

    public const string SystemActor = "system";

    public JsonNode ToJson() => WorkflowJson.ToNode(this)!;

    /// <exception cref="System.Text.Json.JsonException">When the payload is not an escalation effect.</exception>
    public static EscalationEffect FromJson(JsonNode payload) =>
        WorkflowJson.Deserialize<EscalationEffect>(payload) ?? throw new System.Text.Json.JsonException("The escalation effect payload is empty.");
}
