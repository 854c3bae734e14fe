namespace EscalationFlows.Persistence.Entities;

/// <summary>One stored version of a workflow definition (table <c>wf_definition_versions</c>).</summary>
public sealed class DefinitionVersionRow
{
    public required string DefinitionId { get; set; }

    public required int Version { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The definition document as compact canonical JSON (<c>WorkflowJson</c>).</summary>
    public required string Document { get; set; }

    /// <summary>SHA-256 of <see cref="Document"/>; changes whenever the document changes.</summary>
    public required string ContentHash { get; set; }

    public bool IsPublished { get; set; }

    public bool IsLatest { get; set; }

    /// <summary>Set the first time the version is published; such a version is never edited in place again.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? CreatedBy { get; set; }

    public string? UpdatedBy { get; set; }
}
