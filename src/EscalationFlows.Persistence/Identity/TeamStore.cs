using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Identity;

/// <summary>Teams (resolution groups) and their skills.</summary>
public sealed class TeamStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;

    internal TeamStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect)
    {
        _contexts = contexts;
        _dialect = dialect;
    }

    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Teams.AsNoTracking().OrderBy(t => t.NormalizedName).ToListAsync(cancellationToken);
    }

    /// <summary>The teams with these names (case-insensitive), by lower-case name.</summary>
    public async Task<IReadOnlyDictionary<string, TeamRow>> FindByNamesAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var keys = names.Select(HumanTaskKeys.Team).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Teams.AsNoTracking().Where(t => keys.Contains(t.NormalizedName)).ToListAsync(cancellationToken);
        return rows.ToDictionary(t => t.NormalizedName, StringComparer.Ordinal);
    }

    /// <summary>How many members each team has, by team id.</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountMembersAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.TeamMembers.AsNoTracking().GroupBy(m => m.TeamId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
    }

    /// <summary>Creates a team; throws <see cref="IdentityConflictException"/> when the name is taken (case-insensitive).</summary>
    public async Task CreateAsync(TeamRow team, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Teams.AnyAsync(t => t.NormalizedName == team.NormalizedName, cancellationToken))
        {
            throw new IdentityConflictException($"A team named '{team.Name}' already exists.");
        }

        db.Teams.Add(team);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (_dialect.IsConflict(ex))
        {
            throw new IdentityConflictException($"A team named '{team.Name}' already exists.", ex);
        }
    }
}
