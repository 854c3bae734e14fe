using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EscalationFlows.Bench.Studio;

/// <summary>The real server in process on Kestrel (127.0.0.1, a free port), a temp SQLite file and the demo accounts.</summary>
public sealed class BenchServer : WebApplicationFactory<Program>
{
    public const string Admin = "admin@demo.local";
    public const string Password = "escalation-demo";

    private readonly string _root = Directory.CreateTempSubdirectory("escalationflows-bench-studio-").FullName;

    public BenchServer()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", BaseAddress.ToString());
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_root, "bench.db")}");
        builder.UseSetting("Workflows:ImportPath", Path.Combine(_root, "no-workflows"));
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Logging:Console", "false");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaves a temp folder behind.
            }
        }
    }
}
