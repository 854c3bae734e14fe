using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Identity;

/// <summary>
/// Client link rows: created, looked up, revoked and used up. Using a link is one conditional update, so a link works
/// once even when two answers race; <see cref="HumanTasks.HumanTaskCommitParticipant"/> does the same inside a burst.
/// </summary>
public sealed class ClientLinkStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;

    public ClientLinkStore(IDbContextFactory<EscalationFlowsDbContext> contexts)
    {
        _contexts = contexts;
    }

    public async Task CreateAsync(ClientLinkRow link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.ClientLinks.Add(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ClientLinkRow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.ClientLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
    }

    /// <summary>Revokes a link; false when there is no such link. Revoking twice keeps the first revocation.</summary>
    public async Task<bool> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.ClientLinks.AnyAsync(l => l.Id == id, cancellationToken))
        {
            return false;
        }

        await db.ClientLinks.Where(l => l.Id == id && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, at).SetProperty(l => l.RevokedBy, revokedBy), cancellationToken);
        return true;
    }

    /// <summary>Marks an unused, unrevoked, unexpired link used; false when it cannot be used (any more).</summary>
    public async Task<bool> TryUseAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var used = await db.ClientLinks.Where(l => l.Id == id && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken);
        return used == 1;
    }
}
