using EscalationFlows.Engine.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Hosting;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the stores (IWorkflowStore, IWorkflowDefinitionStore) for the configured provider:
    /// <c>Database:Provider</c> = Sqlite (default, <c>ConnectionStrings:Sqlite</c>) or Postgres (<c>ConnectionStrings:Postgres</c>).
    /// PLACEHOLDER until the EF Core stores land: registers the in-memory stores.
    /// </summary>
    public static IServiceCollection AddEscalationFlowsPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddInMemoryWorkflowStores();
    }
}
