using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;

namespace EscalationFlows.Server.Api.Definitions;

/// <summary>One stored version of a definition: its publishing state and the definition document itself.</summary>
public sealed record DefinitionVersionResponse
{
    public required string DefinitionId { get; init; }

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

    /// <summary>The workflow definition document (workflows/schema/workflow-definition.schema.json).</summary>
    public required JsonNode Definition { get; init; }

    public static DefinitionVersionResponse From(DefinitionVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return new DefinitionVersionResponse
        {
            DefinitionId = version.DefinitionId,
            Version = version.Version,
            Name = version.Definition.Name,
            Status = version.Status,
            IsPublished = version.IsPublished,
            IsLatest = version.IsLatest,
            ContentHash = version.ContentHash,
            CreatedAt = version.CreatedAt,
            UpdatedAt = version.UpdatedAt,
            PublishedAt = version.PublishedAt,
            Definition = WorkflowJson.ToNode(version.Definition)!,
        };
    }
}
