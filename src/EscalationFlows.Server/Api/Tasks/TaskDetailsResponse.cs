using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Persistence.Entities;

namespace EscalationFlows.Server.Api.Tasks;

/// <summary>Everything a worker needs: the summary plus description, context, form (schema and uiSchema), outcomes, escalation and history.</summary>
public sealed record TaskDetailsResponse : TaskSummaryResponse
{
    public string? Description { get; init; }

    public JsonNode? Context { get; init; }

    /// <summary>The JSON Schema of the data.</summary>
    public JsonObject? Form { get; init; }

    public JsonObject? UiSchema { get; init; }

    public required IReadOnlyList<string> Outcomes { get; init; }

    public DateTimeOffset? EscalateAt { get; init; }

    public JsonObject? EscalateTo { get; init; }

    /// <summary>The submitted data, once completed.</summary>
    public JsonObject? Data { get; init; }

    public string? ClientLinkId { get; init; }

    public int DefinitionVersion { get; init; }

    public string? ActivityName { get; init; }

    public required IReadOnlyList<TaskEventResponse> History { get; init; }

    /// <summary>The details of a task: its summary's members copied, the rest set by <see cref="From"/>.</summary>
    [SetsRequiredMembers]
    private TaskDetailsResponse(TaskSummaryResponse summary)
        : base(summary)
    {
        Outcomes = [];
        History = [];
    }

    public static TaskDetailsResponse From(HumanTaskRow row, IReadOnlyList<HumanTaskEventRow> history, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(history);
        var form = row.Form is null ? null : JsonNode.Parse(row.Form) as JsonObject;
        return new TaskDetailsResponse(TaskSummaryResponse.From(row, now))
        {
            Description = row.Description,
            Context = row.Context is null ? null : JsonNode.Parse(row.Context),
            Form = form?["schema"]?.DeepClone() as JsonObject,
            UiSchema = form?["uiSchema"]?.DeepClone() as JsonObject,
            Outcomes = WorkflowJson.Deserialize<List<string>>(row.Outcomes) ?? [],
            EscalateAt = row.EscalateAt,
            EscalateTo = row.EscalateTo is null ? null : JsonNode.Parse(row.EscalateTo) as JsonObject,
            Data = row.Data is null ? null : JsonNode.Parse(row.Data) as JsonObject,
            ClientLinkId = row.ClientLinkId,
            DefinitionVersion = row.DefinitionVersion,
            ActivityName = row.ActivityName,
            History = [.. history.Select(TaskEventResponse.From)],
        };
    }
}
