using EscalationFlows.Persistence.Providers;
using Microsoft.Extensions.Configuration;

namespace EscalationFlows.Persistence.Hosting;

/// <summary>
/// The database the stores use, read once at startup from configuration: <c>Database:Provider</c>
/// (<c>Sqlite</c>, the default, or <c>Postgres</c>), <c>ConnectionStrings:Sqlite</c> (default
/// <c>Data Source=data/escalationflows.db</c>) and <c>ConnectionStrings:Postgres</c> (required for Postgres), plus
/// <c>Database:SqliteBusyTimeout</c> (a TimeSpan, default 30 seconds).
/// </summary>
public sealed record PersistenceOptions
{
    public const string DefaultSqliteConnectionString = "Data Source=data/escalationflows.db";

    public required DatabaseProvider Provider { get; init; }

    public required string ConnectionString { get; init; }

    /// <summary>How long a SQLite writer waits for the write lock before failing.</summary>
    public TimeSpan SqliteBusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <exception cref="InvalidOperationException">An unknown provider, a missing PostgreSQL connection string or a bad timeout.</exception>
    public static PersistenceOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite : name.Trim().ToUpperInvariant() switch
        {
            "SQLITE" => DatabaseProvider.Sqlite,
            "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException($"Database:Provider '{name}' is not supported; use 'Sqlite' or 'Postgres'."),
        };

        var busyTimeout = TimeSpan.FromSeconds(30);
        if (configuration["Database:SqliteBusyTimeout"] is { Length: > 0 } timeoutText
            && (!TimeSpan.TryParse(timeoutText, System.Globalization.CultureInfo.InvariantCulture, out busyTimeout) || busyTimeout < TimeSpan.Zero))
        {
            throw new InvalidOperationException($"Database:SqliteBusyTimeout '{timeoutText}' is not a non-negative TimeSpan such as 00:00:30.");
        }

        if (provider == DatabaseProvider.Sqlite)
        {
            var sqlite = configuration.GetConnectionString("Sqlite");
            return new PersistenceOptions
            {
                Provider = provider,
                ConnectionString = string.IsNullOrWhiteSpace(sqlite) ? DefaultSqliteConnectionString : sqlite,
                SqliteBusyTimeout = busyTimeout,
            };
        }

        var postgres = configuration.GetConnectionString("Postgres");
        if (string.IsNullOrWhiteSpace(postgres))
        {
            throw new InvalidOperationException(
                "Database:Provider is 'Postgres' but ConnectionStrings:Postgres is empty; set it (for example Host=127.0.0.1;Database=escalationflows;Username=...;Password=...).");
        }

        return new PersistenceOptions { Provider = provider, ConnectionString = postgres, SqliteBusyTimeout = busyTimeout };
    }
}
