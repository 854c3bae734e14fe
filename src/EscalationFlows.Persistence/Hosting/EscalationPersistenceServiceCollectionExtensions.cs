using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Storage;
using EscalationFlows.Persistence.Providers;
using EscalationFlows.Persistence.Stores;
using EscalationFlows.Persistence.Stores.Escalations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Persistence.Hosting;

public static class EscalationPersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the EF escalation store (<see cref="IEscalationStore"/>), the directory the activities assign and notify
    /// from (<see cref="IEscalationDirectory"/>: users, teams, member skills, load, round-robin cursors) and the burst
    /// participant that applies escalation effects — and puts human tasks of escalation workflows on the timeline — in
    /// each burst's transaction. Call it after <see cref="PersistenceServiceCollectionExtensions.AddEscalationFlowsPersistence"/>
    /// with the escalation module registered (<c>AddEscalationsModule()</c>).
    /// </summary>
    public static IServiceCollection AddEscalationFlowsEscalationStore(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new EscalationEffectWriter(sp.GetRequiredService<EscalationApplier>(), sp.GetRequiredService<TimeProvider>()));
        services.RemoveAll<IEscalationStore>();
        services.AddSingleton<IEscalationStore>(sp => new EfEscalationStore(
            sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>(),
            sp.GetRequiredService<StoreDialect>(),
            sp.GetRequiredService<EscalationEffectWriter>()));
        services.RemoveAll<IEscalationDirectory>();
        services.AddSingleton<IEscalationDirectory>(sp => new EfEscalationDirectory(sp.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>()));
        services.AddSingleton<IBurstCommitParticipant>(sp => new EscalationBurstParticipant(sp.GetRequiredService<EscalationEffectWriter>()));
        return services;
    }
}
