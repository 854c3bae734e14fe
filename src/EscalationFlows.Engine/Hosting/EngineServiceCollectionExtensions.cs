using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EscalationFlows.Engine.Hosting;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine: activity registry with the built-in activities, expressions, validation, executor and
    /// runtime. A store (<see cref="IWorkflowStore"/>) and definition source must be registered by the host.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdGenerator, SequentialGuidIdGenerator>();
        services.AddOptions<ExpressionOptions>();
        services.AddOptions<EngineOptions>();
        services.AddOptions<RuntimeOptions>();
        services.AddHttpClient(SendHttpRequestActivity.HttpClientName);

        services.TryAddSingleton<JavaScriptEvaluator>();
        services.TryAddSingleton<TemplateRenderer>();
        services.TryAddSingleton<IExpressionEvaluator, ExpressionEvaluator>();
        services.TryAddSingleton<IActivityRegistry, ActivityRegistry>();
        services.TryAddSingleton<DefinitionValidator>();
        services.TryAddSingleton<WorkflowDefinitionReader>();
        services.TryAddSingleton(sp => new WorkflowExecutorServices(
            sp.GetRequiredService<IActivityRegistry>(),
            sp.GetRequiredService<IExpressionEvaluator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IIdGenerator>(),
            sp));
        services.TryAddSingleton<WorkflowExecutor>();
        services.TryAddSingleton<WorkflowGraphCache>();
        services.TryAddSingleton<WorkflowRuntime>();

        services.AddActivity<StartActivity>();
        services.AddActivity<EndActivity>();
        services.AddActivity<DecisionActivity>();
        services.AddActivity<SwitchActivity>();
        services.AddActivity<ForkActivity>();
        services.AddActivity<JoinActivity>();
        services.AddActivity<SetVariableActivity>();
        services.AddActivity<LogActivity>();
        services.AddActivity<DelayActivity>();
        services.AddActivity<TimerActivity>();
        services.AddActivity<WaitForEventActivity>();
        services.AddActivity<EventTriggerActivity>();
        services.AddActivity<RunWorkflowActivity>();
        services.AddActivity<SendHttpRequestActivity>();
        services.AddActivity<SendWebhookActivity>();
        services.AddActivity<FaultActivity>();
        services.AddActivity<HumanTaskActivity>();
        return services;
    }

    /// <summary>Adds an activity type; modules call this to contribute their activities.</summary>
    public static IServiceCollection AddActivity<TActivity>(this IServiceCollection services)
        where TActivity : Activity
    {
        services.AddSingleton<Activity, TActivity>();
        return services;
    }

    /// <summary>Uses in-memory definitions and instances (tests and tools).</summary>
    public static IServiceCollection AddInMemoryWorkflowStores(this IServiceCollection services)
    {
        services.TryAddSingleton<InMemoryWorkflowStore>();
        services.TryAddSingleton<IWorkflowStore>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<IWorkflowInstanceQuery>(sp => sp.GetRequiredService<InMemoryWorkflowStore>());
        services.TryAddSingleton<InMemoryWorkflowDefinitionStore>();
        services.TryAddSingleton<IWorkflowDefinitionStore>(sp => sp.GetRequiredService<InMemoryWorkflowDefinitionStore>());
        services.TryAddSingleton<IWorkflowDefinitionSource>(sp => sp.GetRequiredService<IWorkflowDefinitionStore>());
        return services;
    }
}
