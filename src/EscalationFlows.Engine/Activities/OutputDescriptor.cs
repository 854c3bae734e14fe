namespace EscalationFlows.Engine.Activities;

public sealed record OutputDescriptor
{
    public required string Name { get; init; }

    public string Type { get; init; } = "any";

    public string? Description { get; init; }
}
