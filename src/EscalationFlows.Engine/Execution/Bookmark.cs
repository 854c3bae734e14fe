using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Execution;

/// <summary>
/// A point where an instance waits for a stimulus. Consumed exactly once: resuming removes it, and a
/// removed bookmark can never be resumed again.
/// </summary>
public sealed record Bookmark
{
    public required string Id { get; init; }

    public required string InstanceId { get; init; }

    public required string ActivityId { get; init; }

    public required string Kind { get; init; }

    /// <summary>Hash of the kind and the stimulus name, for indexed lookup (see <see cref="StimulusHash"/>).</summary>
    public string? StimulusHash { get; init; }

    public string? CorrelationId { get; init; }

    public JsonNode? Payload { get; init; }

    /// <summary>When a timer-like bookmark is due; the timer dispatcher resumes it then.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
