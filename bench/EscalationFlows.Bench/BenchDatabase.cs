using System.Data.Common;
using System.Globalization;
using EscalationFlows.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EscalationFlows.Bench;

/// <summary>
/// A fresh database for one scenario: a SQLite file in a temp folder (the stores use WAL and synchronous=FULL), or a new
/// database on the bench's durable PostgreSQL cluster (fsync on). Also reads PostgreSQL's own counters of committed
/// transactions and WAL flushes, so commits per operation come from the database, not from us.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly IAsyncDisposable? _postgres;
    private readonly TempSqliteDatabase? _sqlite;

    private BenchDatabase(string provider, string connectionString, IAsyncDisposable? postgres, TempSqliteDatabase? sqlite)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgres = postgres;
        _sqlite = sqlite;
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c> (the server's <c>Database:Provider</c>).</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public bool IsPostgres => Provider == "Postgres";

    public Dictionary<string, string?> Configuration => new(StringComparer.Ordinal)
    {
        ["Database:Provider"] = Provider,
        [$"ConnectionStrings:{Provider}"] = ConnectionString,
    };

    public static BenchDatabase Sqlite()
    {
        var file = TempSqliteDatabase.Create();
        return new BenchDatabase("Sqlite", file.ConnectionString, null, file);
    }

    public static async Task<BenchDatabase> PostgresAsync(PostgresFixture cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var database = await cluster.CreateDatabaseAsync();
        return new BenchDatabase("Postgres", database.ConnectionString, database, null);
    }

    public async Task<string> VersionAsync() =>
        IsPostgres ? "PostgreSQL " + await ScalarTextAsync("SHOW server_version") : "SQLite " + await ScalarTextAsync("SELECT sqlite_version()");

    /// <summary>
    /// PostgreSQL: committed transactions of this database and WAL syncs of the cluster so far; SQLite: null. A backend
    /// publishes its counters when it exits, or when idle at most every 10 s: this process's pooled connections are
    /// closed first, and with <paramref name="otherProcesses"/> (a server process writes too) it waits out the 10 s.
    /// </summary>
    public async Task<(long Commits, long WalSyncs)?> PostgresCountersAsync(bool otherProcesses = false)
    {
        if (!IsPostgres)
        {
            return null;
        }

        NpgsqlConnection.ClearAllPools();
        await Task.Delay(otherProcesses ? TimeSpan.FromSeconds(11) : TimeSpan.FromSeconds(1));
        var commits = long.Parse(await ScalarTextAsync("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"), CultureInfo.InvariantCulture);
        var syncs = long.Parse(await ScalarTextAsync("SELECT wal_sync FROM pg_stat_wal"), CultureInfo.InvariantCulture);
        return (commits, syncs);
    }

    /// <summary>
    /// Makes every pending timer due at <paramref name="dueAt"/> (a bench shortcut: parking 10,000 timers takes longer
    /// than any due time chosen before it, and the claim reads only this column).
    /// </summary>
    public async Task MakeTimersDueAsync(DateTimeOffset dueAt)
    {
        await using DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE wf_timers SET due_at = @due";
        command.Parameters.Add(IsPostgres ? new NpgsqlParameter("due", dueAt.UtcDateTime) : new SqliteParameter("due", dueAt.UtcTicks));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql) => long.Parse(await ScalarTextAsync(sql), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        _sqlite?.Dispose();
    }

    private async Task<string> ScalarTextAsync(string sql)
    {
        await using DbConnection connection = IsPostgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
