using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Server.Api;
using EscalationFlows.Server.Import;
using Serilog;

namespace EscalationFlows.Server.Hosting;

/// <summary>Startup work (migrate, import) and the request pipeline.</summary>
public static class ServerPipeline
{
    /// <summary>Migrates the database, then imports the shipped workflows. Runs before the server accepts requests.</summary>
    public static async Task PrepareEscalationFlowsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken);
        await app.Services.GetRequiredService<WorkflowImporter>().ImportAsync(cancellationToken);
    }

    public static WebApplication UseEscalationFlows(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.MapEscalationFlowsEndpoints();
        StartupBanner.Register(app);
        return app;
    }
}
