using System.Collections.Concurrent;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Escalations.Sla.Calendars;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.Stores.Sla;

/// <summary>
/// Parsed policy and calendar versions by (id, version). Versions never change once committed, so an entry is valid
/// for the life of the process; only rows read from the database (committed data) are cached. Firing a threshold thus
/// builds no calendar and parses no policy.
/// </summary>
internal sealed class SlaDocumentCache
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Id, int Version), SlaPolicyVersion> _policies = new();
    private readonly ConcurrentDictionary<(string Id, int Version), SlaCalendarVersion> _calendars = new();

    public bool TryGetPolicy(string id, int version, out SlaPolicyVersion policy) => _policies.TryGetValue((id, version), out policy!);

    public bool TryGetCalendar(string id, int version, out SlaCalendarVersion calendar) => _calendars.TryGetValue((id, version), out calendar!);

    public SlaPolicyVersion Policy(SlaPolicyRow row, bool committed)
    {
        if (_policies.TryGetValue((row.Id, row.Version), out var cached))
        {
            return cached;
        }

        var policy = new SlaPolicyVersion(WorkflowJson.Deserialize<SlaPolicy>(row.Document)! with { Version = row.Version }, row.CreatedAt);
        if (committed)
        {
            Trim(_policies);
            _policies[(row.Id, row.Version)] = policy;
        }

        return policy;
    }

    public SlaCalendarVersion Calendar(SlaCalendarRow row, bool committed)
    {
        if (_calendars.TryGetValue((row.Id, row.Version), out var cached))
        {
            return cached;
        }

        var definition = WorkflowJson.Deserialize<BusinessCalendarDefinition>(row.Document)!;
        var calendar = new SlaCalendarVersion(definition, BusinessCalendar.FromDefinition(definition), row.Version, row.CreatedAt);
        if (committed)
        {
            Trim(_calendars);
            _calendars[(row.Id, row.Version)] = calendar;
        }

        return calendar;
    }

    private static void Trim<T>(ConcurrentDictionary<(string, int), T> cache)
    {
        if (cache.Count >= MaxEntries)
        {
            cache.Clear();
        }
    }
}
