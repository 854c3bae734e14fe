namespace EscalationFlows.Engine.Execution;

/// <summary>Well-known bookmark kinds. Modules may add their own.</summary>
public static class BookmarkKinds
{
    public const string Event = "Event";
    public const string Timer = "Timer";
    public const string HumanTask = "HumanTask";
    public const string ClientConfirmation = "ClientConfirmation";
    public const string ChildWorkflow = "ChildWorkflow";

    /// <summary>A durable wait before the next attempt of a failed activity.</summary>
    public const string Retry = "Retry";
}
