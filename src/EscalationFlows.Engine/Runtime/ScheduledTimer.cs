using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Runtime;

/// <summary>A module timer (SLA threshold, task deadline) handled by the <see cref="ITimerHandler"/> of its kind.</summary>
public sealed record ScheduledTimer(string Id, string Kind, DateTimeOffset DueAt, JsonNode? Payload, string? InstanceId = null);
