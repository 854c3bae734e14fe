using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>
/// Compares two versions of a definition. Activities are matched by id; connections by source activity, port and
/// target (bend points are drawing only and are ignored). Values are compared as JSON, so property order and
/// formatting never count as a change. Pure: no I/O, no clock.
/// </summary>
public static class DefinitionDiffer
{
    public static DefinitionDiff Compare(WorkflowDefinition from, WorkflowDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);

        var changedProperties = new List<string>();
        AddIfChanged(changedProperties, "name", from.Name, to.Name);
        AddIfChanged(changedProperties, "description", from.Description, to.Description);
        AddIfChanged(changedProperties, "inputs", from.Inputs, to.Inputs);
        AddIfChanged(changedProperties, "outputs", from.Outputs, to.Outputs);
        AddIfChanged(changedProperties, "variables", from.Variables, to.Variables);
        AddIfChanged(changedProperties, "options", from.Options, to.Options);

        var before = ById(from.Root.Activities);
        var after = ById(to.Root.Activities);
        var added = after.Values.Where(a => !before.ContainsKey(a.Id)).Select(Describe).ToList();
        var removed = before.Values.Where(a => !after.ContainsKey(a.Id)).Select(Describe).ToList();
        var changed = new List<ActivityChange>();
        foreach (var node in after.Values)
        {
            if (before.TryGetValue(node.Id, out var old) && ChangedFields(old, node) is { Count: > 0 } fields)
            {
                changed.Add(new ActivityChange(node.Id, node.Type, fields));
            }
        }

        var oldConnections = Connections(from);
        var newConnections = Connections(to);
        return new DefinitionDiff
        {
            DefinitionId = to.DefinitionId,
            FromVersion = from.Version,
            ToVersion = to.Version,
            ChangedProperties = changedProperties,
            AddedActivities = added,
            RemovedActivities = removed,
            ChangedActivities = changed,
            AddedConnections = [.. newConnections.Where(c => !oldConnections.Contains(c))],
            RemovedConnections = [.. oldConnections.Where(c => !newConnections.Contains(c))],
        };
    }

    private static List<string> ChangedFields(ActivityNode old, ActivityNode node)
    {
        var fields = new List<string>();
        AddIfChanged(fields, "type", old.Type, node.Type);
        AddIfChanged(fields, "name", old.Name, node.Name);
        foreach (var input in Keys(old.Inputs, node.Inputs))
        {
            AddIfChanged(fields, $"inputs.{input}", old.GetInput(input), node.GetInput(input));
        }

        foreach (var output in Keys(old.Outputs, node.Outputs))
        {
            AddIfChanged(fields, $"outputs.{output}", old.Outputs?.GetValueOrDefault(output), node.Outputs?.GetValueOrDefault(output));
        }

        AddIfChanged(fields, "retry", old.Retry, node.Retry);
        AddIfChanged(fields, "metadata", old.Metadata, node.Metadata);
        return fields;
    }

    /// <summary>Keys of both dictionaries: the old order first, then keys only the new one has.</summary>
    private static IEnumerable<string> Keys<T>(IReadOnlyDictionary<string, T>? old, IReadOnlyDictionary<string, T>? now) =>
        (old?.Keys ?? []).Concat((now?.Keys ?? []).Where(k => old is null || !old.ContainsKey(k))).Distinct(StringComparer.Ordinal);

    private static void AddIfChanged<T>(List<string> fields, string field, T? old, T? now)
    {
        if (!JsonNode.DeepEquals(WorkflowJson.ToNode(old), WorkflowJson.ToNode(now)))
        {
            fields.Add(field);
        }
    }

    /// <summary>Activities by id in document order (validated definitions have unique ids; else the first one wins).</summary>
    private static OrderedDictionary<string, ActivityNode> ById(IReadOnlyList<ActivityNode> activities)
    {
        var map = new OrderedDictionary<string, ActivityNode>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            map.TryAdd(activity.Id, activity);
        }

        return map;
    }

    private static DiffActivity Describe(ActivityNode node) => new(node.Id, node.Type, node.Name);

    private static List<DiffConnection> Connections(WorkflowDefinition definition) =>
        [.. definition.Root.Connections.Select(c => new DiffConnection(c.Source.Activity, c.SourcePort, c.Target.Activity)).Distinct()];
}
