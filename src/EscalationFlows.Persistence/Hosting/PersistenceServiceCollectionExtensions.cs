using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Diagnostics;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Identity;
using EscalationFlows.Persistence.Providers;
using EscalationFlows.Persistence.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Persistence.Hosting;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the EF Core stores for the configured provider (see <see cref="PersistenceOptions"/>):
    /// <see cref="IWorkflowStore"/> (<see cref="EfWorkflowStore"/>), <see cref="IWorkflowDefinitionStore"/> and
    /// <see cref="IWorkflowDefinitionSource"/> (both <see cref="EfWorkflowDefinitionStore"/>), replacing in-memory ones;
    /// a pooled <see cref="IDbContextFactory{EscalationFlowsDbContext}"/>, a scoped <see cref="EscalationFlowsDbContext"/>,
    /// <see cref="PersistenceOptions"/> and <see cref="StoreDiagnostics"/>; the human-task commit participant and the task (telling every registered <see cref="IHumanTaskChangeObserver"/>),
    /// user, team, API-key, client-link and signing-key stores. Call it after <c>AddWorkflowEngine</c>, and
    /// <see cref="DatabaseMigrator.MigrateAsync"/> once at startup before anything touches the database.
    /// </summary>
    /// <exception cref="InvalidOperationException">The configuration names an unknown provider or lacks the PostgreSQL connection string.</exception>
    public static IServiceCollection AddEscalationFlowsPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = PersistenceOptions.FromConfiguration(configuration);

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StoreDiagnostics>();
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddPooledDbContextFactory<SqliteEscalationFlowsDbContext>((sp, builder) => builder
                    .UseSqlite(options.ConnectionString)
                    .AddInterceptors(new SqlitePragmaInterceptor(options.SqliteBusyTimeout))
                    .AddInterceptors(Counters(sp)));
                services.AddSingleton<IDbContextFactory<EscalationFlowsDbContext>>(sp =>
                    new DbContextFactoryAdapter<SqliteEscalationFlowsDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteEscalationFlowsDbContext>>()));
                services.AddSingleton<StoreDialect, SqliteDialect>();
                break;
            case DatabaseProvider.Postgres:
                services.AddPooledDbContextFactory<PostgresEscalationFlowsDbContext>((sp, builder) => builder
                    .UseNpgsql(options.ConnectionString)
                    .AddInterceptors(Counters(sp)));
                services.AddSingleton<IDbContextFactory<EscalationFlowsDbContext>>(sp =>
                    new DbContextFactoryAdapter<PostgresEscalationFlowsDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresEscalationFlowsDbContext>>()));
                services.AddSingleton<StoreDialect, PostgresDialect>();
                break;
            default:
                throw new InvalidOperationException($"Database provider '{options.Provider}' is not supported.");
        }

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContext());

        // The EF stores replace whatever was registered before (AddInMemoryWorkflowStores in tools and tests).
        services.RemoveAll<IWorkflowStore>();
        services.RemoveAll<IWorkflowDefinitionStore>();
        services.RemoveAll<IWorkflowDefinitionSource>();
        services.RemoveAll<InMemoryWorkflowStore>();
        services.RemoveAll<InMemoryWorkflowDefinitionStore>();
        services.AddSingleton(sp => new EfWorkflowStore(
            sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(),
            sp.GetRequiredService<StoreDialect>(),
            sp.GetServices<IBurstCommitParticipant>(),
            sp.GetRequiredService<StoreDiagnostics>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<EfWorkflowStore>());
        services.RemoveAll<IWorkflowInstanceQuery>();
        services.AddSingleton<IWorkflowInstanceQuery>(sp => new EfWorkflowInstanceQuery(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>()));
        services.AddSingleton(sp => new EfWorkflowDefinitionStore(
            sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(),
            sp.GetRequiredService<StoreDialect>(),
            sp.GetRequiredService<IActivityRegistry>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<EfWorkflowDefinitionStore>());
        services.AddSingleton<IWorkflowDefinitionSource>(sp => sp.GetRequiredService<EfWorkflowDefinitionStore>());

        // Human tasks follow their bookmarks inside each burst; users, teams, keys and client links have their own stores.
        services.AddSingleton<IBurstCommitParticipant, HumanTaskCommitParticipant>();
        services.AddSingleton(sp => new HumanTaskStore(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(), sp.GetServices<IHumanTaskChangeObserver>()));
        services.AddSingleton(sp => new UserStore(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(), sp.GetRequiredService<StoreDialect>()));
        services.AddSingleton(sp => new TeamStore(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(), sp.GetRequiredService<StoreDialect>()));
        services.AddSingleton(sp => new ApiKeyStore(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>()));
        services.AddSingleton(sp => new ClientLinkStore(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>()));
        services.AddSingleton(sp => new SigningKeyStore(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(), sp.GetRequiredService<StoreDialect>()));
        return services;
    }

    private static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor[] Counters(IServiceProvider services)
    {
        var diagnostics = services.GetRequiredService<StoreDiagnostics>();
        return [new TransactionCountingInterceptor(diagnostics), new SaveChangesCountingInterceptor(diagnostics)];
    }
}
