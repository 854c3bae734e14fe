using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Persistence.Tests.Sqlite;

/// <summary>SQLite specifics: the file, its directory, and the durability PRAGMAs on every connection.</summary>
public sealed class SqliteConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_connection_runs_in_WAL_with_synchronous_FULL_a_busy_timeout_and_foreign_keys()
    {
        using var file = TempSqliteDatabase.Create();
        await using var provider = await MigratedProviderAsync(file.ConnectionString);
        await using var db = provider.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal("2", await PragmaAsync(db, "synchronous"));
        Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
        Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
    }

    [Fact]
    public async Task An_existing_file_in_rollback_journal_mode_is_migrated_and_switched_to_WAL()
    {
        // A file made by another tool (the sqlite3 shell, a restored copy) starts in rollback-journal mode. EF Core checks
        // that the file exists on a READ-ONLY connection, where switching the journal mode is refused.
        using var file = TempSqliteDatabase.Create();
        await using (var created = new SqliteConnection(file.ConnectionString))
        {
            await created.OpenAsync(Ct);
            await using var command = created.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE; CREATE TABLE notes (text TEXT);";
            await command.ExecuteNonQueryAsync(Ct);
        }

        SqliteConnection.ClearAllPools();

        await using var provider = await MigratedProviderAsync(file.ConnectionString);
        await using var db = provider.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();
        await db.Database.OpenConnectionAsync(Ct);
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal(0, await db.Instances.CountAsync(Ct));
    }

    [Fact]
    public async Task A_store_transaction_takes_the_write_lock_when_it_begins()
    {
        using var file = TempSqliteDatabase.Create();
        await using var provider = await MigratedProviderAsync(file.ConnectionString);
        await using var db = provider.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();
        // The stores begin transactions like this; Microsoft.Data.Sqlite makes that BEGIN IMMEDIATE (not deferred), so
        // a transaction that reads before it writes never fails to upgrade its lock.
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);

        await using var other = new SqliteConnection(file.ConnectionString);
        await other.OpenAsync(Ct);
        await using (var noWait = other.CreateCommand())
        {
            noWait.CommandText = "PRAGMA busy_timeout=0;";
            await noWait.ExecuteNonQueryAsync(Ct);
        }

        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        begin.CommandTimeout = 1;
        var busy = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync(Ct));

        Assert.Equal(5, busy.SqliteErrorCode);
    }

    [Fact]
    public async Task The_migrator_creates_the_missing_directory_and_the_file()
    {
        using var root = TempSqliteDatabase.Create();
        var path = Path.Combine(root.DirectoryPath, "nested", "deeper", "flows.db");

        await using var provider = await MigratedProviderAsync($"Data Source={path}");

        Assert.True(File.Exists(path));
        await using var db = provider.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext();
        Assert.Equal(0, await db.Instances.CountAsync(Ct));
    }

    [Fact]
    public async Task A_suspended_instance_survives_a_restart_and_finishes_on_the_next_process()
    {
        using var file = TempSqliteDatabase.Create();
        var clock = new FakeTimeProvider(TestEnvironment.Start);
        string instanceId;
        await using (var first = await MigratedProviderAsync(file.ConnectionString, clock))
        {
            var node = first.GetRequiredService<Engine.Definitions.Management.IWorkflowDefinitionStore>();
            var reader = first.GetRequiredService<Engine.Validation.WorkflowDefinitionReader>();
            var saved = await node.SaveAsync(reader.Read(Flows.Timer("restart", "PT5M")).Definition!, null, Ct);
            await node.PublishAsync("restart", saved.Version, null, Ct);
            instanceId = (await first.GetRequiredService<Engine.Runtime.WorkflowRuntime>().StartAsync(new() { DefinitionId = "restart", Input = new JsonObject() }, Ct)).InstanceId;
        }

        file.Checkpoint();
        clock.Advance(TimeSpan.FromMinutes(6));
        await using var second = await MigratedProviderAsync(file.ConnectionString, clock);
        var runtime = second.GetRequiredService<Engine.Runtime.WorkflowRuntime>();
        Assert.Equal(1, await runtime.ProcessDueTimersAsync(Ct));
        Assert.Equal(WorkflowStatus.Finished, (await runtime.Store.GetInstanceAsync(instanceId, Ct))!.State.Status);
    }

    private static async Task<ServiceProvider> MigratedProviderAsync(string connectionString, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddWorkflowEngine();
        services.AddEscalationFlowsPersistence(TestConfiguration.Build(TestConfiguration.Sqlite(connectionString)));
        var provider = services.BuildServiceProvider();
        await DatabaseMigrator.MigrateAsync(provider, Ct);
        return provider;
    }

    private static async Task<string> PragmaAsync(EscalationFlowsDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
