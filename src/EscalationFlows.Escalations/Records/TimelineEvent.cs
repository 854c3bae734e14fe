using System.Text.Json.Nodes;
using EscalationFlows.Escalations.Context;

namespace EscalationFlows.Escalations.Records;

/// <summary>One thing that happened to an escalation: when, who, from where, and what.</summary>
public sealed record TimelineEvent
{
    /// <summary>1, 2, 3... per escalation; <see cref="Id"/> (<c>t3</c>) is what summaries cite.</summary>
    public required int Sequence { get; init; }

    public string Id => $"t{Sequence}";

    public required DateTimeOffset At { get; init; }

    /// <summary>Who did it: a user id, <c>client</c>, <c>system</c>.</summary>
    public required string ActorId { get; init; }

    /// <summary>A readable actor: the user's name or email, "client", "system".</summary>
    public required string Actor { get; init; }

    /// <summary>What kind of event (opened, classified, routed, assigned, stage-changed, task-completed, message-sent...).</summary>
    public required string Kind { get; init; }

    public required string Text { get; init; }

    /// <summary>Where it came from: <c>api</c>, <c>workflow:{definition}/{activity}</c>, <c>task:{id}</c>, <c>client-link</c>.</summary>
    public required string Source { get; init; }

    public JsonObject? Details { get; init; }

    /// <summary>The entry as the summarizer sees it.</summary>
    public TimelineEntry ToEntry() => new(Id, At, Actor, Kind, Text, Source);
}
