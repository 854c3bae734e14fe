namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// Told about every change <see cref="HumanTaskStore"/> commits outside the engine's bursts (claim, release, reassign,
/// client link), after the transaction committed. Changes made inside a burst (created, completed, cancelled, escalated)
/// are seen by whoever watches the workflow store's commits. Register as a singleton; it must not throw or block.
/// </summary>
public interface IHumanTaskChangeObserver
{
    void OnTaskChanged(HumanTaskChange change);
}
