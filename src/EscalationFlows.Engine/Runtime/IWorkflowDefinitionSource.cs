namespace EscalationFlows.Engine.Runtime;

/// <summary>Where the runtime reads definitions from. Persistence implements it; tests use an in-memory one.</summary>
public interface IWorkflowDefinitionSource
{
    Task<StoredDefinition?> FindPublishedAsync(string definitionId, CancellationToken cancellationToken);

    Task<StoredDefinition?> FindVersionAsync(string definitionId, int version, CancellationToken cancellationToken);

    /// <summary>Event triggers of published versions only.</summary>
    Task<IReadOnlyList<EventTriggerRegistration>> FindEventTriggersAsync(string eventName, CancellationToken cancellationToken);
}
