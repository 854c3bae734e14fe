using System.Net;
using System.Net.Sockets;
using EscalationFlows.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EscalationFlows.Studio.Tests.Support;

/// <summary>
/// The real server in process, on Kestrel at a free 127.0.0.1 port (a browser needs a real socket): a temp SQLite
/// FILE, the demo accounts (Seed:Demo=true, password <see cref="DemoPassword"/>), the repository's shipped workflows,
/// and the studio the build put in the server's wwwroot. Client links point at this server (Auth:PublicBaseUrl).
/// </summary>
public sealed class StudioServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "escalation-demo";

    private readonly string _root = Directory.CreateTempSubdirectory("escalationflows-studio-").FullName;

    public StudioServer()
    {
        Port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Development");
        builder.UseSetting("urls", BaseAddress.ToString());
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_root, "escalationflows.db")}");
        builder.UseSetting("Workflows:ImportPath", RepositoryPaths.Workflows);
        builder.UseSetting("Seed:Demo", "true");
        builder.UseSetting("Auth:PublicBaseUrl", BaseAddress.ToString().TrimEnd('/'));
        builder.UseSetting("Logging:Console", "false");
    }

    /// <summary>An HTTP client signed in (session cookie) as a demo user, for arranging and checking through the API.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true }) { BaseAddress = BaseAddress };
        using var response = await client.PostAsync("/api/auth/login", Json.Content(new { email, password = DemoPassword }), TestContext.Current.CancellationToken);
        await Json.EnsureAsync(response, HttpStatusCode.OK);
        return client;
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
                // SQLite may still hold the file for a moment; a temp folder left behind is harmless.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
