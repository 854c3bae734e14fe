using EscalationFlows.Engine.Definitions;

namespace EscalationFlows.Engine.Activities;

/// <summary>How an activity execution ended: completed on outcome ports, or suspended on its bookmarks.</summary>
public sealed class ActivityResult
{
    private ActivityResult(bool suspended, IReadOnlyList<string> outcomes, bool endsWorkflow = false)
    {
        IsSuspended = suspended;
        Outcomes = outcomes;
        EndsWorkflow = endsWorkflow;
    }

    /// <summary>Finishes the whole instance: every other branch, bookmark and timer is cancelled.</summary>
    public bool EndsWorkflow { get; }

    public bool IsSuspended { get; }

    public IReadOnlyList<string> Outcomes { get; }

    public static ActivityResult Done() => new(false, [Ports.Done]);

    public static ActivityResult Outcome(params string[] ports) => new(false, ports);

    /// <summary>Completed without emitting any token (the branch ends here).</summary>
    public static ActivityResult NoOutcome() => new(false, []);

    public static ActivityResult EndWorkflow() => new(false, [], endsWorkflow: true);

    /// <summary>Waits on the bookmarks created during this execution.</summary>
    public static ActivityResult Suspend() => new(true, []);
}
