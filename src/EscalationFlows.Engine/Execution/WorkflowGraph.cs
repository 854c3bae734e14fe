using System.Collections.Concurrent;
using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Execution;

/// <summary>A validated definition indexed for execution: nodes, resolved activities, edges by port, reachability.</summary>
public sealed class WorkflowGraph
{
    private readonly Dictionary<string, ActivityNode> _nodes;
    private readonly Dictionary<string, Activity> _activities;
    private readonly Dictionary<string, List<Connection>> _outgoingByPort;
    private readonly Dictionary<string, List<Connection>> _inbound;
    private readonly Dictionary<string, List<string>> _successors;
    private readonly ConcurrentDictionary<(string From, string To, string Avoid), bool> _reachCache = new();

    private WorkflowGraph(WorkflowDefinition definition, IActivityRegistry registry)
    {
        Definition = definition;
        _nodes = definition.Root.Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _activities = new Dictionary<string, Activity>(StringComparer.Ordinal);
        foreach (var node in definition.Root.Activities)
        {
            _activities[node.Id] = registry.Find(node.Type)
                ?? throw new InvalidOperationException($"Activity '{node.Id}' has the unknown type '{node.Type}'.");
        }

        _outgoingByPort = new Dictionary<string, List<Connection>>(StringComparer.Ordinal);
        _inbound = new Dictionary<string, List<Connection>>(StringComparer.Ordinal);
        _successors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var connection in definition.Root.Connections)
        {
            Add(_outgoingByPort, PortKey(connection.Source.Activity, connection.SourcePort), connection);
            Add(_inbound, connection.Target.Activity, connection);
            if (!_successors.TryGetValue(connection.Source.Activity, out var next))
            {
                next = [];
                _successors[connection.Source.Activity] = next;
            }

            if (!next.Contains(connection.Target.Activity, StringComparer.Ordinal))
            {
                next.Add(connection.Target.Activity);
            }
        }

        StartActivityIds = FindStarts();
    }

    public WorkflowDefinition Definition { get; }

    public IReadOnlyList<string> StartActivityIds { get; }

    public static WorkflowGraph Build(WorkflowDefinition definition, IActivityRegistry registry) => new(definition, registry);

    public ActivityNode GetNode(string activityId) =>
        _nodes.TryGetValue(activityId, out var node) ? node : throw new KeyNotFoundException($"The definition has no activity '{activityId}'.");

    public bool HasNode(string activityId) => _nodes.ContainsKey(activityId);

    public Activity GetActivity(string activityId) => _activities[activityId];

    public IReadOnlyList<Connection> GetOutgoing(string activityId, string port) =>
        _outgoingByPort.TryGetValue(PortKey(activityId, port), out var list) ? list : [];

    public IReadOnlyList<Connection> GetInbound(string activityId) =>
        _inbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>Whether a token at <paramref name="from"/> can travel to <paramref name="to"/> without passing through <paramref name="avoid"/>.</summary>
    public bool CanReach(string from, string to, string avoid)
    {
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            return true;
        }

        if (string.Equals(from, avoid, StringComparison.Ordinal))
        {
            return false;
        }

        return _reachCache.GetOrAdd((from, to, avoid), key => Search(key.From, key.To, key.Avoid));
    }

    private bool Search(string from, string to, string avoid)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var pending = new Queue<string>();
        pending.Enqueue(from);
        while (pending.Count > 0)
        {
            var current = pending.Dequeue();
            if (!_successors.TryGetValue(current, out var next))
            {
                continue;
            }

            foreach (var candidate in next)
            {
                if (string.Equals(candidate, to, StringComparison.Ordinal))
                {
                    return true;
                }

                if (!string.Equals(candidate, avoid, StringComparison.Ordinal) && seen.Add(candidate))
                {
                    pending.Enqueue(candidate);
                }
            }
        }

        return false;
    }

    private List<string> FindStarts()
    {
        var explicitStarts = Definition.Root.Activities
            .Where(a => _activities[a.Id].Descriptor.IsStart)
            .Select(a => a.Id)
            .ToList();
        if (explicitStarts.Count > 0)
        {
            return explicitStarts;
        }

        return [.. Definition.Root.Activities
            .Where(a => GetInbound(a.Id).Count == 0 && _activities[a.Id].Descriptor.Kind != ActivityKind.Trigger)
            .Select(a => a.Id)];
    }

    private static string PortKey(string activityId, string port) => $"{activityId}\n{port}";

    private static void Add(Dictionary<string, List<Connection>> index, string key, Connection connection)
    {
        if (!index.TryGetValue(key, out var list))
        {
            list = [];
            index[key] = list;
        }

        list.Add(connection);
    }
}
