using EscalationFlows.Persistence.HumanTasks;

namespace EscalationFlows.Server.Live;

/// <summary>The task store's after-commit hook: claims, releases, reassignments and new client links go live.</summary>
public sealed class LiveTaskObserver : IHumanTaskChangeObserver
{
    private readonly LiveBroadcaster _broadcaster;

    public LiveTaskObserver(LiveBroadcaster broadcaster)
    {
        _broadcaster = broadcaster;
    }

    public void OnTaskChanged(HumanTaskChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var audience = Task.FromResult<LiveTaskAudience?>(LiveTaskAudience.Of(change));
        _broadcaster.Publish(LiveChange.Task(change.Task.Id, change.Task.Status, new Lazy<Task<LiveTaskAudience?>>(audience)));
    }
}
