namespace EscalationFlows.Engine.Activities;

/// <summary>Built from every <see cref="Activity"/> registered in DI; modules add theirs without touching the engine.</summary>
public sealed class ActivityRegistry : IActivityRegistry
{
    private readonly Dictionary<string, Activity> _byType;

    public ActivityRegistry(IEnumerable<Activity> activities)
    {
        _byType = new Dictionary<string, Activity>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            if (!_byType.TryAdd(activity.Type, activity))
            {
                throw new InvalidOperationException($"Two activities are registered with the type '{activity.Type}'.");
            }
        }

        Descriptors = [.. _byType.Values.Select(a => a.Descriptor).OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.DisplayName, StringComparer.Ordinal)];
    }

    public IReadOnlyList<ActivityDescriptor> Descriptors { get; }

    public Activity? Find(string type) => _byType.GetValueOrDefault(type);
}
