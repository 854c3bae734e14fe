using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Runtime;

/// <summary>Finds the event triggers of a definition: trigger activities with a literal <c>eventName</c>.</summary>
public static class EventTriggers
{
    public static IReadOnlyList<(string ActivityId, string EventName)> Find(WorkflowDefinition definition, IActivityRegistry registry) =>
        [.. definition.Root.Activities
            .Where(a => registry.Find(a.Type)?.Descriptor.Kind == ActivityKind.Trigger)
            .Select(a => (a.Id, Name: a.GetInput("eventName")?.Expression.Text))
            .Where(t => !string.IsNullOrWhiteSpace(t.Name))
            .Select(t => (t.Id, t.Name!))];
}
