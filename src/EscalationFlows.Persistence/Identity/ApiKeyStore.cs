using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Identity;

/// <summary>API keys: only their public id and the hash of their secret are stored.</summary>
public sealed class ApiKeyStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;

    public ApiKeyStore(IDbContextFactory<EscalationFlowsDbContext> contexts)
    {
        _contexts = contexts;
    }

    public async Task CreateAsync(ApiKeyRow key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ApiKeyRow?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Revokes a key; false when there is no such key. Revoking twice keeps the first revocation.</summary>
    public async Task<bool> RevokeAsync(string id, string revokedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.ApiKeys.AnyAsync(k => k.Id == id, cancellationToken))
        {
            return false;
        }

        await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, at).SetProperty(k => k.RevokedBy, revokedBy), cancellationToken);
        return true;
    }
}
