using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>
/// The resume input of a task's bookmark: the chosen outcome, the form data (already validated by whoever completes the
/// task), and who completed it. Also the payload of <see cref="HumanTaskEffects.Completed"/>.
/// </summary>
public sealed record HumanTaskCompletion
{
    public string? TaskId { get; init; }

    public required string Outcome { get; init; }

    public JsonObject? Data { get; init; }

    /// <summary>A user id, an API key principal, or <c>client-link:{id}</c>.</summary>
    public required string CompletedBy { get; init; }

    /// <summary>The client link used, which the store marks used in the same transaction (a second use fails).</summary>
    public string? ClientLinkId { get; init; }

    /// <summary>The task row revision the completion was authorized against; the store refuses it if the task changed since.</summary>
    public long? ExpectedRevision { get; init; }
}
