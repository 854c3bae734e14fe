using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace EscalationFlows.Server.Hosting;

/// <summary>Says where the server listens once it does.</summary>
public static partial class StartupBanner
{
    public static void Register(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("EscalationFlows");
            if (addresses.Count == 0)
            {
                LogRunningInProcess(logger);
                return;
            }

            foreach (var address in addresses)
            {
                LogRunning(logger, address);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "EscalationFlows is running at {Address} — studio at /, API docs at /scalar")]
    private static partial void LogRunning(ILogger logger, string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "EscalationFlows is running in process (no network address) — studio at /, API docs at /scalar")]
    private static partial void LogRunningInProcess(ILogger logger);
}
