using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Identity;

/// <summary>Server-generated keys that must survive restarts and be shared by every node (created once, then read).</summary>
public sealed class SigningKeyStore
{
    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;

    internal SigningKeyStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect)
    {
        _contexts = contexts;
        _dialect = dialect;
    }

    /// <summary>The stored key named <paramref name="id"/>; the first caller stores <paramref name="generate"/>'s, later ones (on any node) read it.</summary>
    public async Task<byte[]> GetOrCreateAsync(string id, Func<byte[]> generate, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generate);
        await using (var db = await _contexts.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.SigningKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
            if (existing is not null)
            {
                return Convert.FromBase64String(existing.Key);
            }

            db.SigningKeys.Add(new SigningKeyRow { Id = id, Key = Convert.ToBase64String(generate()), CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (_dialect.IsConflict(ex))
            {
                // Another node stored its key first: use that one.
            }
        }

        await using var again = await _contexts.CreateDbContextAsync(cancellationToken);
        var stored = await again.SigningKeys.AsNoTracking().FirstAsync(k => k.Id == id, cancellationToken);
        return Convert.FromBase64String(stored.Key);
    }
}
