using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>
/// The real server in process: SQLite on a temp FILE (Database:Provider=Sqlite, so the tests run unchanged on the EF
/// stores), its own import folder, a fake clock in place of the TimeProvider singleton, and captured logs.
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsRoot;

    public ServerFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string? root = null)
    {
        _ownsRoot = root is null;
        Root = root ?? Directory.CreateTempSubdirectory("escalationflows-server-").FullName;
        Directory.CreateDirectory(ImportFolder);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Sqlite"] = $"Data Source={DatabaseFile}",
            ["Workflows:ImportPath"] = ImportFolder,
            ["Logging:Console"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _services = services;
    }

    public FakeTimeProvider Clock { get; } = new(Epoch);

    public LogCapture Logs { get; } = new();

    /// <summary>The folder with the database file and the import folder; deleted on dispose unless it was passed in.</summary>
    public string Root { get; }

    public string ImportFolder => Path.Combine(Root, "workflows");

    public string DatabaseFile => Path.Combine(Root, "escalationflows.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILoggerProvider>(Logs);
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsRoot)
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open (SQLite WAL on a slow close) only leaves a temp folder behind.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
