using EscalationFlows.Persistence.Providers;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>A fresh, migrated database for one test: the configuration that points the stores at it, and its cleanup.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly Func<ValueTask> _dispose;

    public TestDatabase(DatabaseProvider provider, IReadOnlyDictionary<string, string?> configuration, Func<ValueTask> dispose)
    {
        Provider = provider;
        Configuration = configuration;
        _dispose = dispose;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Configuration keys as the host reads them (Database:Provider, ConnectionStrings:...).</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; }

    public ValueTask DisposeAsync() => _dispose();
}
