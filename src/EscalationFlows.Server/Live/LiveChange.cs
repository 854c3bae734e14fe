namespace EscalationFlows.Server.Live;

/// <summary>
/// One committed change, as the live endpoint sends it: <c>{ type: "instance" | "task" | "escalation", id, status }</c>. Subscribers
/// reload what they show; the change itself carries nothing a caller could not read through the API.
/// <see cref="Audience"/> (tasks only, never sent) says who may hear about it.
/// </summary>
public sealed record LiveChange
{
    public const string InstanceType = "instance";
    public const string TaskType = "task";
    public const string EscalationType = "escalation";

    /// <summary>The status of an escalation change: the record, its timeline, owners or communications changed (reload it).</summary>
    public const string EscalationChanged = "changed";

    public required string Type { get; init; }

    public required string Id { get; init; }

    /// <summary>An instance's status (Running, Suspended, Finished, Cancelled, Faulted) or a task's (open, completed, cancelled).</summary>
    public required string Status { get; init; }

    /// <summary>For a task: who it is for (loaded once, on first need, and shared by every subscriber).</summary>
    internal Lazy<Task<LiveTaskAudience?>>? Audience { get; init; }

    public static LiveChange Instance(string id, string status) => new() { Type = InstanceType, Id = id, Status = status };

    public static LiveChange Escalation(string id) => new() { Type = EscalationType, Id = id, Status = EscalationChanged };

    public static LiveChange Task(string id, string status, Lazy<Task<LiveTaskAudience?>> audience) =>
        new() { Type = TaskType, Id = id, Status = status, Audience = audience };
}
