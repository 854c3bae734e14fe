using EscalationFlows.Escalations.Storage;
using EscalationFlows.Persistence.HumanTasks;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Escalations;

/// <summary>Users, teams, member skills, escalation load and round-robin cursors from the identity and escalation tables.</summary>
internal sealed class EfEscalationDirectory : IEscalationDirectory
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;

    public EfEscalationDirectory(IDbContextFactory<EscalationFlowsDbContext> contexts)
    {
        _contexts = contexts;
    }

    public async Task<DirectoryTeam?> FindTeamAsync(string team, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await DirectoryQueries.FindTeamAsync(db, team, cancellationToken);
    }

    public async Task<DirectoryUser?> FindUserAsync(string idOrEmail, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await DirectoryQueries.FindUserAsync(db, idOrEmail, cancellationToken);
    }

    public async Task<IReadOnlyList<DirectoryUser>> UsersInRoleAsync(string role, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await DirectoryQueries.UsersInRoleAsync(db, role, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, int>> CountOpenEscalationsAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await DirectoryQueries.CountOpenAsync(db, userIds, cancellationToken);
    }

    public async Task<string?> GetRoundRobinCursorAsync(string team, CancellationToken cancellationToken)
    {
        var key = HumanTaskKeys.Team(team);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.AssignmentCursors.AsNoTracking().Where(c => c.TeamKey == key).Select(c => c.LastUserId).FirstOrDefaultAsync(cancellationToken);
    }
}
