namespace EscalationFlows.Escalations.Storage;

/// <summary>People and teams as the escalation activities need them (read-only; the host's identity store implements it).</summary>
public interface IEscalationDirectory
{
    /// <summary>The team with this name (ignoring case) and its active members, or null.</summary>
    Task<DirectoryTeam?> FindTeamAsync(string team, CancellationToken cancellationToken);

    /// <summary>An active user by id or email (ignoring case), or null.</summary>
    Task<DirectoryUser?> FindUserAsync(string idOrEmail, CancellationToken cancellationToken);

    /// <summary>Active users holding the role.</summary>
    Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, CancellationToken cancellationToken);

    /// <summary>How many open escalations (not closed, not returned) each of these users owns; users without any are 0.</summary>
    Task<IReadOnlyDictionary<string, int>> CountOpenEscalationsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>The user the team's round-robin cursor last picked, or null when it never picked anyone.</summary>
    Task<string?> GetRoundRobinCursorAsync(string team, CancellationToken cancellationToken);
}
