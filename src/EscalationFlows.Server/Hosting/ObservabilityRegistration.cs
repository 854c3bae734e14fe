using System.Globalization;
using EscalationFlows.Server.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace EscalationFlows.Server.Hosting;

/// <summary>Serilog (readable or compact JSON on the console) and OpenTelemetry traces and metrics (OTLP when configured).</summary>
public static class ObservabilityRegistration
{
    private const string ReadableTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static WebApplicationBuilder AddEscalationFlowsLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        builder.Logging.ClearProviders();

        // writeToProviders: other ILoggerProviders registered in DI (none in production; a capture in tests) get the events too.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)

                // EF Core logs every SQL command at Information: a dozen lines per burst, and a measurable share of its CPU.
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext();
            if (configuration.GetValue("Logging:Console", defaultValue: true))
            {
                if (configuration.GetValue("Logging:Json", defaultValue: false))
                {
                    logger.WriteTo.Console(new CompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(outputTemplate: ReadableTemplate, formatProvider: CultureInfo.InvariantCulture);
                }
            }
        }, preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }

    public static WebApplicationBuilder AddEscalationFlowsTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = builder.Configuration["OpenTelemetry:Endpoint"];
        var standardEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var export = !string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(standardEndpoint);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(EscalationFlowsTelemetry.Name))
            .WithTracing(tracing =>
            {
                tracing.AddSource(EscalationFlowsTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (export)
                {
                    tracing.AddOtlpExporter(options => Apply(options, endpoint));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(EscalationFlowsTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (export)
                {
                    metrics.AddOtlpExporter(options => Apply(options, endpoint));
                }
            });
        return builder;
    }

    /// <summary>OpenTelemetry:Endpoint wins; otherwise the exporter reads OTEL_EXPORTER_OTLP_ENDPOINT (and OTEL_* settings) itself.</summary>
    private static void Apply(OpenTelemetry.Exporter.OtlpExporterOptions options, string? endpoint)
    {
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            options.Endpoint = new Uri(endpoint, UriKind.Absolute);
        }
    }
}
