using System.Text.Json.Serialization;

namespace EscalationFlows.Engine.Execution;

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    /// <summary>Has work queued; a burst is running or is due to run.</summary>
    Running,

    /// <summary>Waiting on one or more bookmarks.</summary>
    Suspended,

    Finished,

    Cancelled,

    /// <summary>Stopped by an incident under the <c>fault</c> strategy; the failed step can be retried.</summary>
    Faulted,
}
