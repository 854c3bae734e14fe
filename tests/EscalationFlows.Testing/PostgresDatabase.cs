namespace EscalationFlows.Testing;

/// <summary>A database on the <see cref="PostgresFixture"/> cluster; disposing it drops it (closing its connections).</summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly PostgresFixture _cluster;
    private int _disposed;

    internal PostgresDatabase(PostgresFixture cluster, string name, string connectionString)
    {
        _cluster = cluster;
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _cluster.DropDatabaseAsync(Name);
        }
    }
}
