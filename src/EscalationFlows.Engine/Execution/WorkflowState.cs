using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Execution;

/// <summary>
/// Everything needed to continue an instance. Serialises to compact JSON (see <c>WorkflowJson</c>) and back
/// without loss; the journal is stored beside it, append-only, not inside it.
/// </summary>
public sealed class WorkflowState
{
    public required string Id { get; init; }

    public required string DefinitionId { get; init; }

    public required int DefinitionVersion { get; init; }

    public WorkflowStatus Status { get; set; } = WorkflowStatus.Running;

    /// <summary>What a suspended instance waits on (its bookmark kinds), or why it stopped.</summary>
    public string? SubStatus { get; set; }

    public string? CorrelationId { get; set; }

    public string? ParentInstanceId { get; init; }

    public string? ParentBookmarkId { get; init; }

    public JsonObject Input { get; init; } = [];

    public JsonObject Variables { get; init; } = [];

    public JsonObject? Output { get; set; }

    /// <summary>The latest outputs of each activity, by activity id, readable as <c>outputs.activityId.name</c>.</summary>
    public JsonObject ActivityOutputs { get; init; } = [];

    public List<Bookmark> Bookmarks { get; init; } = [];

    /// <summary>Tokens not yet delivered (non-empty only while running, or when faulted mid-burst).</summary>
    public List<WorkItem> Queue { get; init; } = [];

    public Dictionary<string, ActivityRunState> Activities { get; init; } = new(StringComparer.Ordinal);

    public List<Incident> Incidents { get; init; } = [];

    /// <summary>The step that faulted the instance; retry runs it again.</summary>
    public WorkItem? FaultedWork { get; set; }

    public long JournalSequence { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    [JsonIgnore]
    public bool IsEnded => Status is WorkflowStatus.Finished or WorkflowStatus.Cancelled;

    public ActivityRunState GetActivityState(string activityId)
    {
        if (!Activities.TryGetValue(activityId, out var state))
        {
            state = new ActivityRunState();
            Activities[activityId] = state;
        }

        return state;
    }
}
