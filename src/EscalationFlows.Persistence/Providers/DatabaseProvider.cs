namespace EscalationFlows.Persistence.Providers;

/// <summary>The database behind the stores (configuration key <c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
