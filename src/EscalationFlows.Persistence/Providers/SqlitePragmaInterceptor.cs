using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// Sets SQLite's per-connection PRAGMAs whenever EF opens a connection: WAL journal (persistent, but asserted so a file
/// created elsewhere is converted), <c>synchronous=FULL</c> so a committed burst survives power loss, a busy timeout
/// so concurrent writers wait instead of failing, and foreign keys.
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private readonly string _pragmas;

    public SqlitePragmaInterceptor(TimeSpan busyTimeout)
    {
        _pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout={(long)busyTimeout.TotalMilliseconds}; PRAGMA foreign_keys=ON;");
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = _pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
