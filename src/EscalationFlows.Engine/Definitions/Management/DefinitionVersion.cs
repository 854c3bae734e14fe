namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>One stored version of a definition with its publishing state.</summary>
public sealed record DefinitionVersion
{
    public required WorkflowDefinition Definition { get; init; }

    public string DefinitionId => Definition.DefinitionId;

    public int Version => Definition.Version;

    public required bool IsPublished { get; init; }

    public required bool IsLatest { get; init; }

    /// <summary>Set once the version was ever published; such a version is never edited in place again.</summary>
    public DateTimeOffset? PublishedAt { get; init; }

    public required string ContentHash { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public string? CreatedBy { get; init; }

    public string? UpdatedBy { get; init; }

    public string Status => IsPublished ? "published" : PublishedAt is null ? "draft" : "retracted";
}
