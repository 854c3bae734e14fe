using System.Collections.Concurrent;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Execution;

namespace EscalationFlows.Engine.Runtime;

/// <summary>Indexed graphs by definition, version and content hash, so a changed draft never reuses a stale graph.</summary>
public sealed class WorkflowGraphCache
{
    private const int MaxEntries = 2_000;

    private readonly IActivityRegistry _registry;
    private readonly ConcurrentDictionary<(string, int, string), WorkflowGraph> _graphs = new();

    public WorkflowGraphCache(IActivityRegistry registry)
    {
        _registry = registry;
    }

    public WorkflowGraph Get(StoredDefinition stored)
    {
        var key = (stored.Definition.DefinitionId, stored.Definition.Version, stored.ContentHash);
        if (_graphs.TryGetValue(key, out var graph))
        {
            return graph;
        }

        if (_graphs.Count >= MaxEntries)
        {
            _graphs.Clear();
        }

        return _graphs.GetOrAdd(key, _ => WorkflowGraph.Build(stored.Definition, _registry));
    }
}
