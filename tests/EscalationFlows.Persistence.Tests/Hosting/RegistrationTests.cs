using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Persistence.Providers;
using EscalationFlows.Persistence.Stores;
using EscalationFlows.Persistence.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Hosting;

public sealed class RegistrationTests
{
    [Fact]
    public void An_unknown_provider_fails_at_startup_naming_the_setting()
    {
        var configuration = TestConfiguration.Build([new("Database:Provider", "Oracle")]);

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEscalationFlowsPersistence(configuration));

        Assert.Contains("Database:Provider 'Oracle'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_fails_at_startup_naming_the_setting()
    {
        var configuration = TestConfiguration.Build([new("Database:Provider", "Postgres")]);

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEscalationFlowsPersistence(configuration));

        Assert.Contains("ConnectionStrings:Postgres", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_busy_timeout_fails_at_startup()
    {
        var configuration = TestConfiguration.Build([new("Database:SqliteBusyTimeout", "soon")]);

        Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddEscalationFlowsPersistence(configuration));
    }

    [Fact]
    public void Sqlite_is_the_default_with_a_file_under_data()
    {
        var options = PersistenceOptions.FromConfiguration(TestConfiguration.Build([]));

        Assert.Equal((DatabaseProvider.Sqlite, "Data Source=data/escalationflows.db"), (options.Provider, options.ConnectionString));
        Assert.Equal(DatabaseProvider.Postgres, PersistenceOptions.FromConfiguration(TestConfiguration.Build(TestConfiguration.Postgres("Host=x"))).Provider);
    }

    [Fact]
    public async Task The_EF_stores_replace_in_memory_ones_and_one_instance_serves_both_definition_interfaces()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowEngine();
        services.AddInMemoryWorkflowStores();
        services.AddEscalationFlowsPersistence(TestConfiguration.Build(TestConfiguration.Sqlite("Data Source=unused.db")));
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.IsType<EfWorkflowStore>(provider.GetRequiredService<IWorkflowStore>());
        var definitions = Assert.IsType<EfWorkflowDefinitionStore>(provider.GetRequiredService<IWorkflowDefinitionStore>());
        Assert.Same(definitions, provider.GetRequiredService<IWorkflowDefinitionSource>());
        Assert.Null(provider.GetService<InMemoryWorkflowStore>());
        Assert.Null(provider.GetService<InMemoryWorkflowDefinitionStore>());
        Assert.Same(provider.GetRequiredService<IWorkflowStore>(), provider.GetRequiredService<WorkflowRuntime>().Store);
        await using var scope = provider.CreateAsyncScope();
        Assert.IsType<SqliteEscalationFlowsDbContext>(scope.ServiceProvider.GetRequiredService<EscalationFlowsDbContext>());
    }
}
