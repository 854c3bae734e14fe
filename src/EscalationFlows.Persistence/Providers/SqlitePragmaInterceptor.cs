using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// Sets SQLite's per-connection PRAGMAs whenever EF opens a connection: WAL journal (persistent, but asserted so a file
/// created elsewhere is converted), <c>synchronous=FULL</c> so a committed burst survives power loss, a busy timeout
/// so concurrent writers wait instead of failing, and foreign keys. A read-only connection (EF Core opens one to check
/// that the file exists) cannot change the journal mode, so it only gets the others.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private readonly string _pragmas;
    private readonly string _readOnlyPragmas;

    public SqlitePragmaInterceptor(TimeSpan busyTimeout)
    {
        _readOnlyPragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;");
        _pragmas = "PRAGMA journal_mode=WAL; " + _readOnlyPragmas;
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = PragmasFor(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = PragmasFor(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private string PragmasFor(DbConnection connection) =>
        new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly ? _readOnlyPragmas : _pragmas;
}
