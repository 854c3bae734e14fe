using EscalationFlows.Engine.Definitions.Management;

namespace EscalationFlows.Server.Api.Definitions;

/// <summary>A version in the version list (without the document).</summary>
public sealed record DefinitionVersionSummary
{
    public required int Version { get; init; }

    public required string Name { get; init; }

    /// <summary>draft, published or retracted.</summary>
    public required string Status { get; init; }

    public required bool IsPublished { get; init; }

    public required bool IsLatest { get; init; }

    public required string ContentHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public static DefinitionVersionSummary From(DefinitionVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new DefinitionVersionSummary
        {
            Version = version.Version,
            Name = version.Definition.Name,
            Status = version.Status,
            IsPublished = version.IsPublished,
            IsLatest = version.IsLatest,
            ContentHash = version.ContentHash,
            CreatedAt = version.CreatedAt,
            UpdatedAt = version.UpdatedAt,
            PublishedAt = version.PublishedAt,
        };
    }
}
