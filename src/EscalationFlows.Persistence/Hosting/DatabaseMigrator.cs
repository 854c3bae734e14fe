using EscalationFlows.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Hosting;

/// <summary>
/// Brings the configured database to the current schema at startup by applying the provider's migrations
/// (Migrations/Sqlite or Migrations/Postgres). Creates the SQLite file's directory when it is missing; EF Core creates
/// the SQLite file or the PostgreSQL database itself. Safe to run from several nodes at once: on PostgreSQL the
/// migration runs under a session advisory lock (EF Core's own migration lock did not keep two nodes starting together
/// from both creating the same tables), on SQLite under EF Core's migration lock.
/// </summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.GetRequiredService<PersistenceOptions>();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(options.ConnectionString);
        }

        var contexts = services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (options.Provider != DatabaseProvider.Postgres)
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        // The database itself may not exist yet (EF creates it): only lock once it does.
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLockKey})", cancellationToken);
            try
            {
                await db.Database.MigrateAsync(cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The PostgreSQL advisory lock key that serialises migrations across nodes ("EFmigr" in ASCII).</summary>
    private const long MigrationLockKey = 0x4546_6D69_6772;

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrWhiteSpace(dataSource) || dataSource == ":memory:"
            || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }
}
