namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>A definition in a list: its latest version and which version (if any) is published.</summary>
public sealed record DefinitionSummary
{
    public required string DefinitionId { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    public required int LatestVersion { get; init; }

    public int? PublishedVersion { get; init; }

    public required int VersionCount { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
