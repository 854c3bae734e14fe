using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Definitions;

/// <summary>
/// A value the workflow returns when it finishes. Its value is the variable named by
/// <see cref="Variable"/>, or the variable with the same name as the output.
/// </summary>
public sealed record WorkflowOutputDefinition
{
    public required string Name { get; init; }

    public string? Type { get; init; }

    public string? Variable { get; init; }

    public string? Description { get; init; }

    [JsonIgnore]
    public string SourceVariable => Variable ?? Name;
}
