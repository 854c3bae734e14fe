namespace EscalationFlows.Engine.Activities;

/// <summary>The closed set of activity types a definition may use, looked up by alias.</summary>
public interface IActivityRegistry
{
    Activity? Find(string type);

    IReadOnlyList<ActivityDescriptor> Descriptors { get; }
}
