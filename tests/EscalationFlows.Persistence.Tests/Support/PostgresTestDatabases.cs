using EscalationFlows.Persistence.Providers;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>Databases on the run's PostgreSQL cluster, each a copy of one migrated template database.</summary>
public sealed class PostgresTestDatabases : ITestDatabases
{
    private const string Template = "escalationflows_template";

    private readonly PostgresFixture _cluster;

    public PostgresTestDatabases(PostgresFixture cluster)
    {
        _cluster = cluster;
    }

    public async Task<TestDatabase> CreateAsync()
    {
        _cluster.RequireAvailable();
        await _cluster.EnsureTemplateAsync(Template, connectionString => TestConfiguration.MigrateAsync(TestConfiguration.Postgres(connectionString)));
        var database = await _cluster.CreateDatabaseAsync(Template);
        return new TestDatabase(DatabaseProvider.Postgres, TestConfiguration.Postgres(database.ConnectionString), database.DisposeAsync);
    }
}
