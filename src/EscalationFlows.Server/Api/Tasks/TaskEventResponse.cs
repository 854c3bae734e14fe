using System.Text.Json.Nodes;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Server.Api.Tasks;

/// <summary>One entry of a task's history: what happened, who did it, when, and details (reason, from, to...).</summary>
public sealed record TaskEventResponse(string Kind, string Actor, DateTimeOffset At, JsonObject? Details)
{
    public static TaskEventResponse From(HumanTaskEventRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new TaskEventResponse(row.Kind, row.Actor, row.At, row.Details is null ? null : JsonNode.Parse(row.Details) as JsonObject);
    }
}
