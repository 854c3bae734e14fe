using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>One activity placed on the flowchart.</summary>
public sealed record ActivityNode
{
    public required string Id { get; init; }

    /// <summary>A stable alias from the activity registry, such as <c>Decision</c>; never a CLR type name.</summary>
    public required string Type { get; init; }

    public string? Name { get; init; }

    public IReadOnlyDictionary<string, InputBinding>? Inputs { get; init; }

    /// <summary>Output name to the variable that receives it.</summary>
    public IReadOnlyDictionary<string, string>? Outputs { get; init; }

    public RetryPolicyDefinition? Retry { get; init; }

    public JsonObject? Metadata { get; init; }

    public InputBinding? GetInput(string name) =>
        Inputs is not null && Inputs.TryGetValue(name, out var binding) ? binding : null;

    [JsonIgnore]
    public string DisplayName => Name ?? Id;
}
