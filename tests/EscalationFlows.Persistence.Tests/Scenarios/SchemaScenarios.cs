using EscalationFlows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>The migrated schema matches the model, and migrating again is harmless.</summary>
public abstract class SchemaScenarios : ScenarioBase
{
    protected SchemaScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    [Fact]
    public async Task The_migrations_match_the_model_and_rerunning_them_changes_nothing()
    {
        await using var env = await OpenAsync();
        await using (var db = env.Node.CreateDbContext())
        {
            Assert.False(db.Database.HasPendingModelChanges(), "The model has changes without a migration: run dotnet ef migrations add for both providers.");
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(Ct));
        }

        await Persistence.Hosting.DatabaseMigrator.MigrateAsync(env.Node.Services, Ct);
        await env.Node.PublishAsync(Flows.WaitForEvent("after-remigration"));
        Assert.NotNull(await env.Node.Definitions.GetPublishedAsync("after-remigration", Ct));
    }
}
