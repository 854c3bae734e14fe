using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Hosting;

/// <summary>Hands out the provider's context type as the shared <see cref="EscalationFlowsDbContext"/>.</summary>
internal sealed class DbContextFactoryAdapter<TContext> : IDbContextFactory<EscalationFlowsDbContext>
    where TContext : EscalationFlowsDbContext
{
    private readonly IDbContextFactory<TContext> _inner;

    public DbContextFactoryAdapter(IDbContextFactory<TContext> inner)
    {
        _inner = inner;
    }

    public EscalationFlowsDbContext CreateDbContext() => _inner.CreateDbContext();

    public async Task<EscalationFlowsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await _inner.CreateDbContextAsync(cancellationToken);
}
