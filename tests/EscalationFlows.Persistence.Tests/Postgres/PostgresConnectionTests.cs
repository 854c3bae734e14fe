using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Postgres;

/// <summary>PostgreSQL specifics: migrating an empty database, and timestamps stored as UTC instants.</summary>
public sealed class PostgresConnectionTests(PostgresFixture postgres)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_migrator_builds_the_schema_in_an_empty_database_and_timestamps_are_timestamptz_in_UTC()
    {
        postgres.RequireAvailable();
        await using var database = await postgres.CreateDatabaseAsync(cancellationToken: Ct);
        var services = new ServiceCollection().AddEscalationFlowsPersistence(TestConfiguration.Build(TestConfiguration.Postgres(database.ConnectionString)));
        await using var provider = services.BuildServiceProvider();

        await DatabaseMigrator.MigrateAsync(provider, Ct);

        await using var db = provider.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();
        var types = await db.Database.SqlQueryRaw<string>(
                "SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'wf_timers' AND column_name IN ('due_at', 'lease_until')")
            .ToListAsync(Ct);
        Assert.Equal(["timestamp with time zone", "timestamp with time zone"], types);
        var indexes = await db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = 'ux_wf_definition_versions_published'").ToListAsync(Ct);
        Assert.Contains("WHERE is_published", Assert.Single(indexes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_migrator_creates_a_missing_database()
    {
        postgres.RequireAvailable();
        var name = "t_missing_" + Guid.NewGuid().ToString("N");
        try
        {
            var services = new ServiceCollection().AddEscalationFlowsPersistence(TestConfiguration.Build(TestConfiguration.Postgres(postgres.ConnectionString(name))));
            await using (var provider = services.BuildServiceProvider())
            {
                await DatabaseMigrator.MigrateAsync(provider, Ct);
                await using var db = provider.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
                Assert.Equal(0, await db.Instances.CountAsync(Ct));
            }
        }
        finally
        {
            await postgres.DropDatabaseAsync(name);
        }
    }
}
