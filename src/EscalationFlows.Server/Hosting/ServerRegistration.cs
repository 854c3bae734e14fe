using System.Text.Json.Serialization;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Expressions;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Hosting;
using EscalationFlows.Escalations.Severity;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Server.Api.Health;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Background;
using EscalationFlows.Server.Escalations;
using EscalationFlows.Server.Http;
using EscalationFlows.Server.Import;
using EscalationFlows.Server.Notifications;
using EscalationFlows.Server.Live;
using EscalationFlows.Server.Studio;
using EscalationFlows.Server.Webhooks;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EscalationFlows.Server.Hosting;

/// <summary>Everything the host registers: engine, persistence, authentication, API plumbing, background dispatchers, import, telemetry.</summary>
public static class ServerRegistration
{
    public static WebApplicationBuilder AddEscalationFlowsServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var services = builder.Services;

        if (!ServerUrls.AreConfigured(configuration))
        {
            builder.WebHost.UseUrls(ServerUrls.Default);
        }

        services.AddOptions<ServerLimitsOptions>().Bind(configuration.GetSection(ServerLimitsOptions.Section))
            .Validate(o => o.MaxRequestBodyBytes > 0, "Limits:MaxRequestBodyBytes must be positive.");
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerLimitsOptions>>((kestrel, limits) => kestrel.Limits.MaxRequestBodySize = limits.Value.MaxRequestBodyBytes);

        builder.AddEscalationFlowsLogging();
        builder.AddEscalationFlowsTelemetry();

        services.AddWorkflowEngine();
        services.Configure<RuntimeOptions>(configuration.GetSection("Runtime"));
        services.Configure<EngineOptions>(configuration.GetSection("Engine"));
        services.Configure<ExpressionOptions>(configuration.GetSection("Expressions"));
        services.AddEscalationFlowsPersistence(configuration);
        services.AddEscalationFlowsLive();
        builder.AddEscalationFlowsAuth();
        services.AddSingleton<Tasks.TaskService>();
        // The context summarizer first (model path when Ai:* is configured), so the module's offline fallback is not used.
        services.AddEscalationsContext(configuration);
        services.AddEscalationsModule();
        services.Configure<SlaOptions>(configuration.GetSection(SlaOptions.Section));
        services.AddEscalationFlowsSlaStore();
        services.Configure<SeverityOptions>(configuration.GetSection(SeverityOptions.Section));
        services.AddEscalationFlowsEscalationStore();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<EscalationDetailsReader>();
        services.AddSingleton<EscalationInstanceFinder>();
        services.AddSingleton<ElevationHandover>();
        services.AddSingleton<EscalationClientService>();

        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.SerializerOptions.MaxDepth = Engine.Definitions.WorkflowJson.MaxDepth;
            json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => ProblemResponses.Customize(context.HttpContext, context.ProblemDetails));
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddSingleton<JsonRequestReader>();
        services.AddSingleton<Api.AllowedMethodsIndex>();
        services.Configure<RouteOptions>(routes => routes.SetParameterPolicy<StudioPathConstraint>(StudioPathConstraint.Name));
        services.AddOpenApi(options => options
            .AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "EscalationFlows API";
                document.Info.Description = "Versioned JSON workflows for service escalations. Every error is RFC 9457 problem details (application/problem+json) with a `code` and, where it applies, an `errors` array of { pointer, parameter, code, message }.";
                return Task.CompletedTask;
            })
            .AddSchemaTransformer(Api.Docs.OpenApiSchemaRefinements.TransformAsync)
            .AddDocumentTransformer(Api.Docs.OpenApiSchemaRefinements.TransformDocumentAsync));

        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [HealthEndpoints.ReadyTag]);

        services.AddOptions<DispatcherOptions>().Bind(configuration.GetSection(DispatcherOptions.Section))
            .Validate(o => o.TimerPollInterval > TimeSpan.Zero && o.OutboxPollInterval > TimeSpan.Zero, "Runtime poll intervals must be positive.");
        services.AddHostedService<TimerDispatcher>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddEscalationFlowsMail(configuration);
        services.AddWebhookDelivery(configuration);

        services.AddOptions<WorkflowImportOptions>().Bind(configuration.GetSection(WorkflowImportOptions.Section));
        services.AddSingleton<WorkflowImporter>();
        return builder;
    }
}
