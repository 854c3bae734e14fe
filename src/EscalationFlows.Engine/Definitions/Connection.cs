using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>A directed edge from an outcome port of one activity to another activity.</summary>
public sealed record Connection
{
    public required ConnectionEndpoint Source { get; init; }

    public required ConnectionEndpoint Target { get; init; }

    /// <summary>Optional bend points drawn by the designer.</summary>
    public JsonArray? Vertices { get; init; }

    [JsonIgnore]
    public string SourcePort => Source.Port ?? Ports.Done;

    [JsonIgnore]
    public string Key => $"{Source.Activity}:{SourcePort}->{Target.Activity}";
}
