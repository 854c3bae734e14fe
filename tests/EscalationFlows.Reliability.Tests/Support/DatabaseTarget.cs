using System.Data.Common;
using EscalationFlows.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EscalationFlows.Reliability.Tests.Support;

/// <summary>
/// The database the server processes share, as server settings, plus direct read access for assertions that the API
/// does not expose (timer and outbox rows, status counts).
/// </summary>
public sealed class DatabaseTarget : IAsyncDisposable
{
    private readonly Func<DbConnection> _connect;
    private readonly IAsyncDisposable? _owned;
    private readonly IDisposable? _ownedSync;

    private DatabaseTarget(string provider, string connectionString, Func<DbConnection> connect, IAsyncDisposable? owned, IDisposable? ownedSync)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _connect = connect;
        _owned = owned;
        _ownedSync = ownedSync;
    }

    /// <summary><c>Sqlite</c> or <c>Postgres</c>, as the server's <c>Database:Provider</c>.</summary>
    public string Provider { get; }

    public string ConnectionString { get; }

    public IReadOnlyDictionary<string, string> ServerSettings => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Database:Provider"] = Provider,
        [$"ConnectionStrings:{Provider}"] = ConnectionString,
    };

    /// <summary>A new SQLite file in its own temp folder (the server creates the schema).</summary>
    public static DatabaseTarget Sqlite()
    {
        var file = TempSqliteDatabase.Create();
        return new DatabaseTarget("Sqlite", file.ConnectionString, () => new SqliteConnection(file.ConnectionString), null, file);
    }

    /// <summary>A new database on the run's PostgreSQL cluster (skips the test when PostgreSQL is unavailable outside CI).</summary>
    public static async Task<DatabaseTarget> PostgresAsync(PostgresFixture cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var database = await cluster.CreateDatabaseAsync(cancellationToken: TestContext.Current.CancellationToken);
        return new DatabaseTarget("Postgres", database.ConnectionString, () => new NpgsqlConnection(database.ConnectionString), database, null);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        var value = (await RowsAsync(sql)).Single()[0];
        return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<object[]>> RowsAsync(string sql)
    {
        await using var connection = _connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<object[]>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }

        _ownedSync?.Dispose();
    }
}
