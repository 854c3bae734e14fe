using System.Globalization;
using EscalationFlows.Testing;

namespace EscalationFlows.Reliability.Tests.Support;

/// <summary>
/// Everything server processes of one test share: the database, the import folder with the test's workflows, the
/// settings, and a folder for the processes' logs. Starts, kills and restarts nodes; kills every node on dispose.
/// </summary>
public sealed class Deployment : IAsyncDisposable
{
    /// <summary>Set to 1 to keep the server logs (and the SQLite file) of every test for a look afterwards.</summary>
    public const string KeepVariable = "ESCALATIONFLOWS_KEEP_TEST_LOGS";

    private static readonly string ServerAssembly = ServerBinary.Find(typeof(Deployment).Assembly);

    private readonly Dictionary<string, string> _settings;
    private readonly List<ServerProcess> _runs = [];
    private int _runCount;

    public Deployment(DatabaseTarget database, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
        Root = Directory.CreateTempSubdirectory("escalationflows-reliability-").FullName;
        Directory.CreateDirectory(ImportFolder);
        _settings = new Dictionary<string, string>(database.ServerSettings, StringComparer.Ordinal)
        {
            ["Workflows:ImportPath"] = ImportFolder,
            ["Webhooks:SigningSecret"] = WebhookReceiver.SigningSecret,

            // Short leases so work held by a killed process is taken over within seconds (the defaults are 30 s and 60 s).
            ["Runtime:TimerLease"] = "00:00:03",
            ["Runtime:OutboxLease"] = "00:00:03",
            ["Runtime:TimerPollInterval"] = "00:00:00.100",
            ["Runtime:OutboxPollInterval"] = "00:00:00.100",

            // Retries no further apart than the first one (5 s): a message interrupted by several kills is not left
            // waiting for minutes of backoff (the default cap is 5 min).
            ["Runtime:OutboxMaxRetryDelay"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public DatabaseTarget Database { get; }

    public string Root { get; }

    public string ImportFolder => Path.Combine(Root, "workflows");

    /// <summary>How many server processes were started (restarts included).</summary>
    public int Runs => _runCount;

    public void AddWorkflow(Flow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var id = flow.ToJsonObject()["definitionId"]!.GetValue<string>();
        File.WriteAllText(Path.Combine(ImportFolder, id + ".json"), flow.Json);
    }

    /// <summary>Starts a server process named <paramref name="node"/> (its <c>Runtime:NodeId</c>) on <paramref name="port"/>.</summary>
    public async Task<ServerProcess> StartAsync(string node, int port)
    {
        var run = Interlocked.Increment(ref _runCount);
        var settings = new Dictionary<string, string>(_settings, StringComparer.Ordinal) { ["Runtime:NodeId"] = node };
        var log = Path.Combine(Root, string.Create(CultureInfo.InvariantCulture, $"{run:00}-{node}.log"));
        var server = await ServerProcess.StartAsync(ServerAssembly, node, port, settings, Root, log, TestContext.Current.CancellationToken);
        lock (_runs)
        {
            _runs.Add(server);
        }

        return server;
    }

    /// <summary>SIGKILLs <paramref name="server"/> and starts a new process with the same node name and port on the same database.</summary>
    public async Task<ServerProcess> KillAndRestartAsync(ServerProcess server)
    {
        ArgumentNullException.ThrowIfNull(server);
        server.Kill();
        return await StartAsync(server.Name, server.Port);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_runs)
        {
            foreach (var run in _runs)
            {
                run.Dispose();
            }
        }

        await Database.DisposeAsync();
        if (Environment.GetEnvironmentVariable(KeepVariable) is "1" or "true")
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"Server logs kept in {Root} ({KeepVariable} is set).");
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
