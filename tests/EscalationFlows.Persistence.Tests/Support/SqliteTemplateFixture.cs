using EscalationFlows.Persistence.Providers;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>A migrated SQLite file made once per run; each test gets a copy of it in its own temp directory.</summary>
public sealed class SqliteTemplateFixture : ITestDatabases, IAsyncLifetime
{
    private TempSqliteDatabase? _template;

    public async ValueTask InitializeAsync()
    {
        _template = TempSqliteDatabase.Create();
        await TestConfiguration.MigrateAsync(TestConfiguration.Sqlite(_template.ConnectionString));
        _template.Checkpoint();
    }

    public Task<TestDatabase> CreateAsync()
    {
        var copy = TempSqliteDatabase.CopyOf(_template ?? throw new InvalidOperationException("The SQLite template was not created."));
        return Task.FromResult(new TestDatabase(DatabaseProvider.Sqlite, TestConfiguration.Sqlite(copy.ConnectionString), () =>
        {
            copy.Dispose();
            return ValueTask.CompletedTask;
        }));
    }

    public ValueTask DisposeAsync()
    {
        _template?.Dispose();
        return ValueTask.CompletedTask;
    }
}
