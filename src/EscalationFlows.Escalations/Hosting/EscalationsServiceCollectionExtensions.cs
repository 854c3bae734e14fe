using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Activities;
using EscalationFlows.Escalations.Context;
using EscalationFlows.Escalations.Notifications;
using EscalationFlows.Escalations.Records.Effects;
using EscalationFlows.Escalations.Severity;
using EscalationFlows.Escalations.Sla.Activities;
using EscalationFlows.Escalations.Sla.Runtime;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Escalations.Hosting;

public static class EscalationsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the escalation module: the SLA activities (Sla.Start, Sla.Pause, Sla.Resume, Sla.Stop,
    /// Sla.WaitForThreshold), the clock service, the threshold timer handler and the outbox handler that publishes
    /// threshold events; the escalation activities (category "Escalations"), the severity classifier, the message
    /// renderer and the record's rules (<see cref="EscalationApplier"/>). The host must also register an
    /// <see cref="Sla.Storage.ISlaStore"/> (the EF store: <c>AddEscalationFlowsSlaStore()</c>), an
    /// <see cref="Storage.IEscalationStore"/> and <see cref="Storage.IEscalationDirectory"/> (<c>AddEscalationFlowsEscalationStore()</c>),
    /// and bind <see cref="SlaOptions"/> (section <c>Sla</c>) and <see cref="SeverityOptions"/> (section
    /// <c>Escalations:Severity</c>) if it wants to. Call <see cref="EscalationsContextServiceCollectionExtensions.AddEscalationsContext"/>
    /// first to configure the context summarizer (model path); without it the offline <see cref="ExtractiveSummarizer"/> with
    /// default options writes the context summaries.
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

        services.AddOptions<SeverityOptions>();
        services.TryAddSingleton<SeverityClassifier>();
        services.TryAddSingleton<EscalationMessageRenderer>();
        services.TryAddSingleton<EscalationApplier>();
        services.TryAddSingleton<TicketSlaReader>();
        services.TryAddSingleton<IContextSummarizer>(sp => new ExtractiveSummarizer(sp.GetService<ContextSummaryOptions>() ?? new ContextSummaryOptions()));
        services.AddActivity<OpenEscalationActivity>();
        services.AddActivity<LoadEscalationActivity>();
        services.AddActivity<EvaluateCriteriaActivity>();
        services.AddActivity<ClassifySeverityActivity>();
        services.AddActivity<RouteActivity>();
        services.AddActivity<AssignOwnerActivity>();
        services.AddActivity<UpdateRecordActivity>();
        services.AddActivity<PrepareContextActivity>();
        services.AddActivity<NotifyActivity>();
        services.AddActivity<AwaitClientConfirmationActivity>();
        services.AddActivity<ElevateActivity>();
        services.AddActivity<RecordReviewActivity>();
        return services;
    }
}
