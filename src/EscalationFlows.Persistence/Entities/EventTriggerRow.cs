namespace EscalationFlows.Persistence.Entities;

/// <summary>
/// An event that starts a published definition version (table <c>wf_event_triggers</c>). Rebuilt for a definition
/// whenever it is published or retracted, so it only ever lists published versions.
/// </summary>
public sealed class EventTriggerRow
{
    public required string DefinitionId { get; set; }

    public required int Version { get; set; }

    public required string ActivityId { get; set; }

    /// <summary>The event name upper-cased with the invariant culture (events match case-insensitively).</summary>
    public required string EventName { get; set; }
}
