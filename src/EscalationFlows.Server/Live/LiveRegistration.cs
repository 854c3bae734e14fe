using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.HumanTasks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Server.Live;

/// <summary>Registers live updates: the broadcaster, the task store's observer, and the decorator around the workflow store.</summary>
public static class LiveRegistration
{
    /// <summary>Call after the persistence registration, so the registered <see cref="IWorkflowStore"/> is the one decorated.</summary>
    public static IServiceCollection AddEscalationFlowsLive(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<LiveBroadcaster>();
        services.AddSingleton<IHumanTaskChangeObserver, LiveTaskObserver>();

        var original = services.LastOrDefault(d => d.ServiceType == typeof(IWorkflowStore))
            ?? throw new InvalidOperationException("Register the workflow store (AddEscalationFlowsPersistence) before live updates.");
        services.RemoveAll<IWorkflowStore>();
        services.AddSingleton<IWorkflowStore>(sp => new LiveWorkflowStore(
            (IWorkflowStore)(original.ImplementationInstance ?? original.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)),
            sp.GetRequiredService<LiveBroadcaster>(),
            sp.GetRequiredService<HumanTaskStore>()));
        return services;
    }
}
