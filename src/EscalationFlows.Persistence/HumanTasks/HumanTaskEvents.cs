using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>Builds task event rows.</summary>
public static class HumanTaskEvents
{
    public static HumanTaskEventRow Create(string taskId, string kind, string actor, DateTimeOffset at, JsonObject? details = null)
    {
        if (details is not null)
        {
            foreach (var name in details.Where(p => p.Value is null).Select(p => p.Key).ToList())
            {
                details.Remove(name);
            }
        }

        return new HumanTaskEventRow
        {
            TaskId = taskId,
            Kind = kind,
            Actor = actor,
            At = at,
            Details = details is null || details.Count == 0 ? null : WorkflowJson.Serialize(details),
        };
    }
}
