using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Server.Api;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.ClientLinks;
using EscalationFlows.Server.Import;
using Microsoft.AspNetCore.Connections;
using Serilog;

namespace EscalationFlows.Server.Hosting;

/// <summary>Startup work (migrate, import) and the request pipeline.</summary>
public static partial class ServerPipeline
{
    /// <summary>
    /// Migrates the database, creates the first admin (and the demo accounts with Seed:Demo=true), loads the client-link
    /// key, then imports the shipped workflows. Runs before the server accepts requests.
    /// Migrates the database, seeds the SLA defaults (and finishes any interrupted clock recomputation), then imports the
    /// shipped workflows. Runs before the server accepts requests.
    /// </summary>
    public static async Task PrepareEscalationFlowsAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await DatabaseMigrator.MigrateAsync(app.Services, cancellationToken);
        await app.Services.GetRequiredService<IdentityBootstrapper>().RunAsync(cancellationToken);
        await app.Services.GetRequiredService<ClientLinkKeyInitializer>().InitializeAsync(cancellationToken);
        await app.Services.GetRequiredService<SlaMaintenance>().PrepareAsync(cancellationToken);
        await app.Services.GetRequiredService<WorkflowImporter>().ImportAsync(cancellationToken);
    }

    /// <summary>Runs until shutdown. A taken port ends the process with one clear sentence (exit code 1) instead of a stack trace.</summary>
    public static async Task<int> RunEscalationFlowsAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            LogAddressInUse(app.Logger, ex.Message);
            return 1;
        }
    }

    public static WebApplication UseEscalationFlows(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<CrossOriginGuard>();
        app.UseAuthorization();
        app.MapEscalationFlowsEndpoints();
        StartupBanner.Register(app);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "{Reason} Another program uses this port: stop it, or choose another address with --urls http://127.0.0.1:<port> (or ASPNETCORE_URLS).")]
    private static partial void LogAddressInUse(Microsoft.Extensions.Logging.ILogger logger, string reason);
}
