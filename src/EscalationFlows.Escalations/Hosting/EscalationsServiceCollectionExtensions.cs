using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Activities;
using EscalationFlows.Escalations.Sla.Runtime;
using EscalationFlows.Escalations.Sla.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Escalations.Hosting;

public static class EscalationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the escalation module: the SLA activities (Sla.Start, Sla.Pause, Sla.Resume, Sla.Stop,
    /// Sla.WaitForThreshold), the clock service, the threshold timer handler and the outbox handler that publishes
    /// threshold events. The host must also register an <see cref="Sla.Storage.ISlaStore"/> (the EF store:
    /// <c>AddEscalationFlowsSlaStore()</c>) and bind <see cref="SlaOptions"/> from the <c>Sla</c> section if it wants to.
    /// </summary>
    public static IServiceCollection AddEscalationsModule(this IServiceCollection services)
    {
        services.AddOptions<SlaOptions>();
        services.TryAddSingleton<SlaClockService>();
        services.TryAddSingleton<SlaMaintenance>();
        services.TryAddSingleton<SlaEventPublisher>();
        services.AddSingleton<ITimerHandler, SlaThresholdTimerHandler>();
        services.AddSingleton<IOutboxHandler, SlaThresholdOutboxHandler>();

        services.AddActivity<SlaStartActivity>();
        services.AddActivity<SlaPauseActivity>();
        services.AddActivity<SlaResumeActivity>();
        services.AddActivity<SlaStopActivity>();
        services.AddActivity<SlaWaitForThresholdActivity>();
        return services;
    }
}
