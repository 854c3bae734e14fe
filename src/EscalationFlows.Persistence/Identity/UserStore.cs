using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Identity;

/// <summary>Users and their team memberships. Passwords arrive hashed; this layer never sees one in clear.</summary>
public sealed class UserStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;

    internal UserStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect)
    {
        _contexts = contexts;
        _dialect = dialect;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<UserRow?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = HumanTaskKeys.Email(email);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
    }

    public async Task<UserRow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().OrderBy(u => u.NormalizedEmail).ToListAsync(cancellationToken);
    }

    /// <summary>Replaces a user's skills (what the skills assignment strategy matches escalation categories against); false for an unknown user.</summary>
    public async Task<bool> SetSkillsAsync(string userId, IReadOnlyCollection<string> skills, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            return false;
        }

        await db.MemberSkills.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        db.MemberSkills.AddRange(skills.Select(s => new MemberSkillRow { UserId = userId, Skill = s }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The names of the teams each user belongs to, by user id.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> GetTeamNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.TeamMembers.AsNoTracking()
            .Where(m => userIds.Contains(m.UserId))
            .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => new { m.UserId, t.Name })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Name).Order(StringComparer.OrdinalIgnoreCase)], StringComparer.Ordinal);
    }

    /// <summary>Creates a user in the given teams (ids); throws <see cref="IdentityConflictException"/> when the email is taken.</summary>
    public async Task CreateAsync(UserRow user, IReadOnlyCollection<string> teamIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(teamIds);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == user.NormalizedEmail, cancellationToken))
        {
            throw new IdentityConflictException($"A user with the email '{user.Email}' already exists.");
        }

        db.Users.Add(user);
        db.TeamMembers.AddRange(teamIds.Distinct(StringComparer.Ordinal).Select(t => new TeamMemberRow { TeamId = t, UserId = user.Id, JoinedAt = user.CreatedAt }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (_dialect.IsConflict(ex))
        {
            throw new IdentityConflictException($"A user with the email '{user.Email}' already exists.", ex);
        }
    }

    /// <summary>Counts a failed sign-in; from <paramref name="maxFailures"/> on, the account is locked until <paramref name="lockUntil"/>.</summary>
    public async Task RecordFailedSignInAsync(string userId, int maxFailures, DateTimeOffset lockUntil, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), cancellationToken);
        await db.Users.Where(u => u.Id == userId && u.FailedSignIns >= maxFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockedUntil, lockUntil).SetProperty(u => u.FailedSignIns, 0), cancellationToken);
    }

    public async Task RecordSignInAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId && (u.FailedSignIns != 0 || u.LockedUntil != null))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, 0).SetProperty(u => u.LockedUntil, (DateTimeOffset?)null), cancellationToken);
    }
}
