using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Persistence.Diagnostics;
using EscalationFlows.Persistence.Providers;
using EscalationFlows.Persistence.Stores;
using EscalationFlows.Persistence.Stores.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Persistence.Hosting;

public static class SlaPersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the EF SLA store (<see cref="ISlaStore"/>: tickets, clocks, policies, calendars on the configured
    /// database) and the burst participant that applies SLA activities' effects in each burst's transaction. Call it
    /// after <see cref="PersistenceServiceCollectionExtensions.AddEscalationFlowsPersistence"/> and with the escalation
    /// module registered (<c>AddEscalationsModule()</c>).
    /// </summary>
    public static IServiceCollection AddEscalationFlowsSlaStore(this IServiceCollection services)
    {
        services.TryAddSingleton<SlaDocumentCache>();
        services.RemoveAll<ISlaStore>();
        services.AddSingleton<ISlaStore>(sp => new EfSlaStore(
            sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(),
            sp.GetRequiredService<StoreDialect>(),
            sp.GetRequiredService<SlaDocumentCache>(),
            sp.GetRequiredService<StoreDiagnostics>()));
        services.AddSingleton<IBurstCommitParticipant>(sp => new SlaBurstParticipant(
            sp.GetRequiredService<SlaClockService>(),
            sp.GetRequiredService<StoreDialect>(),
            sp.GetRequiredService<SlaDocumentCache>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
