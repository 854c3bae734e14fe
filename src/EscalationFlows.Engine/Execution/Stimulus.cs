using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Execution;

/// <summary>What makes a burst run.</summary>
public abstract record Stimulus;

/// <summary>Start a new instance, at its start activities or at one trigger activity.</summary>
public sealed record StartStimulus(string? TriggerActivityId = null, JsonNode? TriggerPayload = null) : Stimulus;

/// <summary>Continue from a bookmark with the given input.</summary>
public sealed record ResumeStimulus(string BookmarkId, JsonNode? Input) : Stimulus;

/// <summary>Run the step that faulted the instance again.</summary>
public sealed record RetryStimulus : Stimulus;

/// <summary>Cancel the instance: every bookmark and pending token is dropped.</summary>
public sealed record CancelStimulus(string? Reason = null) : Stimulus;

/// <summary>Continue the pending work of an instance whose burst was interrupted (crash recovery).</summary>
public sealed record ContinueStimulus : Stimulus;
