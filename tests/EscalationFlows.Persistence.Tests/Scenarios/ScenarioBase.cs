using EscalationFlows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>
/// Scenario suites are written once, against <see cref="ITestDatabases"/>; a sealed subclass per provider runs them
/// on SQLite (a temp file) and on PostgreSQL (the run's throwaway cluster). Every test gets a fresh database.
/// </summary>
public abstract class ScenarioBase
{
    private readonly ITestDatabases _databases;

    protected ScenarioBase(ITestDatabases databases)
    {
        _databases = databases;
    }

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected Task<TestEnvironment> OpenAsync(Action<IServiceCollection>? configure = null) => TestEnvironment.OpenAsync(_databases, configure);

    /// <summary>Row counts of every engine table, to prove that nothing (or what) was written.</summary>
    protected static async Task<TableCounts> CountAsync(TestNode node)
    {
        await using var db = node.CreateDbContext();
        return new TableCounts(
            await db.Instances.CountAsync(Ct),
            await db.Bookmarks.CountAsync(Ct),
            await db.Timers.CountAsync(Ct),
            await db.Journal.CountAsync(Ct),
            await db.Incidents.CountAsync(Ct),
            await db.Outbox.CountAsync(Ct),
            await db.IdempotencyKeys.CountAsync(Ct));
    }

    protected sealed record TableCounts(int Instances, int Bookmarks, int Timers, int Journal, int Incidents, int Outbox, int IdempotencyKeys);
}
