using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>
/// Versioned definition storage with the publishing rules:
/// <list type="bullet">
/// <item>Saving when the latest version was ever published creates version N+1 as a draft; saving a draft updates it in place.</item>
/// <item>Publishing makes that version the only published one (its triggers are indexed); retract unpublishes it.</item>
/// <item>Only a version that was never published can be deleted.</item>
/// </list>
/// The version number in a saved document is ignored: the store assigns it. Definitions passed in are already validated.
/// </summary>
public interface IWorkflowDefinitionStore : IWorkflowDefinitionSource
{
    Task<IReadOnlyList<DefinitionSummary>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Every version, newest first; empty when the definition does not exist.</summary>
    Task<IReadOnlyList<DefinitionVersion>> GetVersionsAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionVersion?> GetLatestAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionVersion?> GetPublishedAsync(string definitionId, CancellationToken cancellationToken);

    Task<DefinitionVersion?> GetVersionAsync(string definitionId, int version, CancellationToken cancellationToken);

    Task<DefinitionVersion> SaveAsync(WorkflowDefinition definition, string? user, CancellationToken cancellationToken);

    /// <summary>Publishes the given version, or the latest when null.</summary>
    /// <exception cref="WorkflowNotFoundException">No such definition or version.</exception>
    Task<DefinitionVersion> PublishAsync(string definitionId, int? version, string? user, CancellationToken cancellationToken);

    /// <exception cref="DefinitionConflictException">Nothing is published.</exception>
    Task<DefinitionVersion> RetractAsync(string definitionId, string? user, CancellationToken cancellationToken);

    /// <exception cref="DefinitionConflictException">The version is or was published.</exception>
    Task DeleteVersionAsync(string definitionId, int version, CancellationToken cancellationToken);
}
