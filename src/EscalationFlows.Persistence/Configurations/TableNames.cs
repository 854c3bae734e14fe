namespace EscalationFlows.Persistence.Configurations;

/// <summary>The engine's table names (all prefixed <c>wf_</c>; modules use their own prefix).</summary>
public static class TableNames
{
    public const string DefinitionVersions = "wf_definition_versions";
    public const string EventTriggers = "wf_event_triggers";
    public const string Instances = "wf_instances";
    public const string Bookmarks = "wf_bookmarks";
    public const string Timers = "wf_timers";
    public const string Journal = "wf_journal";
    public const string Incidents = "wf_incidents";
    public const string Outbox = "wf_outbox";
    public const string IdempotencyKeys = "wf_idempotency_keys";
}
