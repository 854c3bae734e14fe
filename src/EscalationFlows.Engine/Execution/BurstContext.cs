using System.Text.Json.Nodes;

namespace EscalationFlows.Engine.Execution;

/// <summary>The mutable working set of one burst: the state being advanced and everything it produced.</summary>
internal sealed class BurstContext
{
    public BurstContext(WorkflowGraph graph, WorkflowState state, WorkflowExecutorServices services, CancellationToken cancellationToken)
    {
        Graph = graph;
        State = state;
        Services = services;
        CancellationToken = cancellationToken;
    }

    public WorkflowGraph Graph { get; }

    public WorkflowState State { get; }

    public WorkflowExecutorServices Services { get; }

    public CancellationToken CancellationToken { get; }

    public List<JournalEntry> Journal { get; } = [];

    public List<OutboxMessage> Outbox { get; } = [];

    public List<BurstEffect> Effects { get; } = [];

    public string? TriggerActivityId { get; set; }

    public JsonNode? TriggerPayload { get; set; }

    public DateTimeOffset Now => Services.Clock.GetUtcNow();

    public string NewId() => Services.Ids.NewId();

    public void Record(string eventName, string? activityId = null, string? activityType = null, IReadOnlyList<string>? outcomes = null,
        double? durationMs = null, int? attempt = null, string? bookmarkId = null, string? message = null)
    {
        State.JournalSequence++;
        Journal.Add(new JournalEntry
        {
            Sequence = State.JournalSequence,
            Timestamp = Now,
            Event = eventName,
            ActivityId = activityId,
            ActivityType = activityType,
            Outcomes = outcomes,
            DurationMs = durationMs,
            Attempt = attempt,
            BookmarkId = bookmarkId,
            Message = message,
        });
    }
}
