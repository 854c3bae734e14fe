using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Live;

namespace EscalationFlows.Server.Api.Live;

/// <summary>What one caller may hear about: instances with <c>instances.read</c>; escalations with <c>escalations.read</c>; tasks by the inbox's visibility (docs/roles.md).</summary>
public sealed class LiveChangeFilter
{
    private readonly CurrentUser _user;
    private readonly bool _readsInstances;
    private readonly bool _readsEscalations;
    private readonly HashSet<string> _teamKeys;

    public LiveChangeFilter(CurrentUser user, bool readsInstances, bool readsEscalations = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        _user = user;
        _readsInstances = readsInstances;
        _readsEscalations = readsEscalations;
        _teamKeys = [.. user.Teams.Select(HumanTaskKeys.Team).OfType<string>()];
    }

    public async ValueTask<bool> MaySeeAsync(LiveChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        switch (change.Type)
        {
            case LiveChange.InstanceType:
                return _readsInstances;
            case LiveChange.EscalationType:
                return _readsEscalations;
            case LiveChange.TaskType when _user.CanReadAllTasks:
                return true;
            case LiveChange.TaskType when change.Audience is { } audience:
                LiveTaskAudience? who;
                try
                {
                    who = await audience.Value;
                }
                catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException or TimeoutException)
                {
                    // The task could not be read: say nothing rather than risk telling the wrong person.
                    return false;
                }

                return who is not null
                    && (who.UserIds.Contains(_user.Id, StringComparer.Ordinal)
                        || who.TeamKeys.Any(_teamKeys.Contains)
                        || who.Roles.Any(_user.HasRole));
            default:
                return false;
        }
    }
}
