using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Execution;

/// <summary>
/// A domain write an activity asks for (a task row, an escalation record change). Effects are applied by
/// registered handlers inside the same transaction as the burst, so they commit or vanish together with it.
/// </summary>
public sealed record BurstEffect
{
    public required string Kind { get; init; }

    public required string InstanceId { get; init; }

    public string? ActivityId { get; init; }

    public required JsonNode Payload { get; init; }
}
