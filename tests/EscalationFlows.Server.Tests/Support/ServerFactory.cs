using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Auth;
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
/// <para>
/// Acting as someone: <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> returns a client that sends an admin
/// API key (so tests about something else need no sign-in); <see cref="CreateClientAs"/> one with an API key of a role;
/// <see cref="CreateAnonymousClient"/> one without credentials; <see cref="SignInAsync"/> a client with a session cookie
/// of a user, such as one made by <see cref="CreateUserAsync"/>.
/// </para>
/// </summary>
public class ServerFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsRoot;

    /// <summary>The password of every user <see cref="CreateUserAsync"/> creates.</summary>
    public const string UserPassword = "correct horse battery";

    private readonly ConcurrentDictionary<string, string> _keys = new(StringComparer.Ordinal);

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

    /// <summary>A client without credentials.</summary>
    public HttpClient CreateAnonymousClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Remove(AuthSchemes.ApiKeyHeader);
        return client;
    }

    /// <summary>A client sending an API key that holds exactly <paramref name="role"/>.</summary>
    public HttpClient CreateClientAs(string role)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, KeyFor(role));
        return client;
    }

    /// <summary>An API key holding exactly <paramref name="role"/> (one per role and server, made on first use).</summary>
    public string KeyFor(string role) => _keys.GetOrAdd(role, r =>
    {
        var keys = Services.GetRequiredService<ApiKeyService>();
        return keys.CreateAsync($"test {r}", [r], null, "tests", CancellationToken.None).GetAwaiter().GetResult().Key;
    });

    /// <summary>A client signed in (session cookie) as the user with this email.</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = UserPassword)
    {
        var client = CreateAnonymousClient();
        var response = await client.PostJsonAsync("/api/auth/login", new JsonObject { ["email"] = email, ["password"] = password });
        await response.ReadObjectAsync(HttpStatusCode.OK);
        return client;
    }

    /// <summary>Creates a user (password <see cref="UserPassword"/>) through the API as admin; returns its id.</summary>
    public async Task<string> CreateUserAsync(string email, string[] roles, params string[] teams)
    {
        using var admin = CreateClient();
        var body = new JsonObject
        {
            ["email"] = email,
            ["displayName"] = email.Split('@')[0],
            ["password"] = UserPassword,
            ["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
            ["teams"] = new JsonArray([.. teams.Select(t => JsonValue.Create(t))]),
        };
        var created = await (await admin.PostJsonAsync("/api/users", body)).ReadObjectAsync(HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Creates a team through the API as admin unless it exists.</summary>
    public async Task EnsureTeamAsync(string name, params string[] skills)
    {
        using var admin = CreateClient();
        var response = await admin.PostJsonAsync("/api/teams", new JsonObject { ["name"] = name, ["skills"] = new JsonArray([.. skills.Select(s => JsonValue.Create(s))]) });
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"Creating team {name}: {(int)response.StatusCode}");
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Add(AuthSchemes.ApiKeyHeader, KeyFor(Roles.Admin));
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
