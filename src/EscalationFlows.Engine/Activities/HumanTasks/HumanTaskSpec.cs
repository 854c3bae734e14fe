using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>Everything about a new task, as evaluated when its activity ran (the payload of <see cref="HumanTaskEffects.Created"/>).</summary>
public sealed record HumanTaskSpec
{
    /// <summary>The id of the task's <c>HumanTask</c> bookmark.</summary>
    public required string TaskId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>A user id or email, as the definition gave it.</summary>
    public string? Assignee { get; init; }

    public string? CandidateTeam { get; init; }

    public string? CandidateRole { get; init; }

    /// <summary><c>{ schema, uiSchema? }</c>, or null for a task without fields.</summary>
    public JsonObject? Form { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public int Priority { get; init; } = HumanTaskActivity.DefaultPriority;

    /// <summary>Data shown to the worker beside the form.</summary>
    public JsonNode? Context { get; init; }

    /// <summary>When the deadline escalation fires (its timer bookmark is due then).</summary>
    public DateTimeOffset? EscalateAt { get; init; }

    public HumanTaskEscalationTarget? EscalateTo { get; init; }

    /// <summary>The signed link of a task for the client (candidate role <c>client</c>).</summary>
    public ClientLinkTicket? ClientLink { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string ActivityName { get; init; }

    public required string DefinitionId { get; init; }

    public int DefinitionVersion { get; init; }

    public string? CorrelationId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
