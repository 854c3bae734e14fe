using EscalationFlows.Persistence.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Hosting;

/// <summary>
/// Brings the configured database to the current schema at startup by applying the provider's migrations
/// (Migrations/Sqlite or Migrations/Postgres). Creates the SQLite file's directory when it is missing; EF Core creates
/// the SQLite file or the PostgreSQL database itself. Safe to run from several nodes at once: EF Core takes a
/// migration lock.
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
        await db.Database.MigrateAsync(cancellationToken);
    }

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
