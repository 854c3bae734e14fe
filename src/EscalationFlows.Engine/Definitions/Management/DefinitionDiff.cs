namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>What changed between two versions of a definition (see <see cref="DefinitionDiffer"/>).</summary>
public sealed record DefinitionDiff
{
    public required string DefinitionId { get; init; }

    public required int FromVersion { get; init; }

    public required int ToVersion { get; init; }

    /// <summary>Top-level properties that differ: name, description, inputs, outputs, variables, options.</summary>
    public IReadOnlyList<string> ChangedProperties { get; init; } = [];

    public IReadOnlyList<DiffActivity> AddedActivities { get; init; } = [];

    public IReadOnlyList<DiffActivity> RemovedActivities { get; init; } = [];

    /// <summary>Activities present in both versions (same id) whose content differs.</summary>
    public IReadOnlyList<ActivityChange> ChangedActivities { get; init; } = [];

    public IReadOnlyList<DiffConnection> AddedConnections { get; init; } = [];

    public IReadOnlyList<DiffConnection> RemovedConnections { get; init; } = [];

    public bool HasChanges =>
        ChangedProperties.Count + AddedActivities.Count + RemovedActivities.Count + ChangedActivities.Count + AddedConnections.Count + RemovedConnections.Count > 0;
}
