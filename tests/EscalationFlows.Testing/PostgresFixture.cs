using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace EscalationFlows.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster for one test run: <c>initdb</c> in a temp directory, started on a free
/// 127.0.0.1 port with durability off (fsync, synchronous_commit and full_page_writes off: speed, not safety, unless
/// <see cref="Durable"/>), stopped
/// and deleted on dispose. Use it as an assembly fixture (<c>[assembly: AssemblyFixture(typeof(PostgresFixture))]</c>)
/// and give each test class or test its own database with <see cref="CreateDatabaseAsync"/>.
/// <para>
/// Binaries come from <c>ESCALATIONFLOWS_PG_BIN</c>, <c>/usr/lib/postgresql/*/bin</c> or PATH. Run as root, the
/// cluster runs as the <c>postgres</c> OS user via <c>runuser</c>. When PostgreSQL is missing or does not start,
/// <see cref="RequireAvailable"/> skips the calling test with the reason, except in CI (<c>CI=true</c>), where it fails it.
/// </para>
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private const string DirectoryPrefix = "escalationflows-pg-";
    private const string OwnerFile = "owner.pid";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Lazy<Task>> _templates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private string? _binDirectory;
    private string? _rootDirectory;
    private bool _asPostgresUser;

    /// <summary>Why PostgreSQL cannot be used, or null when it runs.</summary>
    public string? UnavailableReason { get; private set; } = "The PostgreSQL fixture was not initialised.";

    public bool IsAvailable => UnavailableReason is null;

    /// <summary>
    /// Start the cluster with PostgreSQL's durable defaults (fsync, synchronous_commit and full_page_writes on) instead
    /// of the fast test settings: for benchmarks whose numbers must include the cost of flushing each commit.
    /// </summary>
    public bool Durable { get; init; }

    public int Port { get; private set; }

    /// <summary>The superuser connection to the <c>postgres</c> database (trust authentication, no pooling).</summary>
    public string AdminConnectionString => ConnectionString("postgres", pooling: false);

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        || Environment.GetEnvironmentVariable("CI") == "1";

    public async ValueTask InitializeAsync()
    {
        _binDirectory = PostgresBinaries.Find(out var reason);
        if (_binDirectory is null)
        {
            UnavailableReason = reason;
            return;
        }

        try
        {
            await StartClusterAsync(_binDirectory);
            UnavailableReason = null;
        }
#pragma warning disable CA1031 // Any start failure becomes the skip (or CI failure) reason, with the tool output in it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            UnavailableReason = $"PostgreSQL from {_binDirectory} did not start: {ex.Message}";
            DeleteRoot();
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_binDirectory is not null && _rootDirectory is not null && Directory.Exists(DataDirectory))
        {
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
            }
#pragma warning disable CA1031 // A cluster that is already down needs no stop; the directory is deleted either way.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        DeleteRoot();
        _createGate.Dispose();
    }

    /// <summary>Skips the test when PostgreSQL is unavailable (fails it in CI). Call first in every PostgreSQL test.</summary>
    public void RequireAvailable()
    {
        if (UnavailableReason is not { } reason)
        {
            return;
        }

        if (IsCi)
        {
            throw new InvalidOperationException($"PostgreSQL is required in CI (CI=true) but is unavailable: {reason}");
        }

        Assert.Skip(reason);
    }

    /// <summary>A connection string for a database on this cluster.</summary>
    public string ConnectionString(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Password = "postgres",
            Database = database,
            Pooling = pooling,
            MaxPoolSize = 100,
            Timeout = 30,
        }.ConnectionString;

    /// <summary>
    /// Creates the template database <paramref name="name"/> once per run (<paramref name="initialize"/> gets its
    /// connection string, pooling off, for example to apply migrations). Later calls wait for the first.
    /// </summary>
    public Task EnsureTemplateAsync(string name, Func<string, Task> initialize)
    {
        ArgumentNullException.ThrowIfNull(initialize);
        RequireAvailable();
        return _templates.GetOrAdd(name, n => new Lazy<Task>(() => CreateTemplateAsync(n, initialize))).Value;
    }

    /// <summary>Creates a fresh, uniquely named database (a copy of <paramref name="template"/> when given); dispose it to drop it.</summary>
    public async Task<PostgresDatabase> CreateDatabaseAsync(string? template = null, CancellationToken cancellationToken = default)
    {
        RequireAvailable();
        var name = "t_" + Guid.NewGuid().ToString("N");
        var sql = template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            await ExecuteAdminAsync(sql, cancellationToken);
        }
        finally
        {
            _createGate.Release();
        }

        return new PostgresDatabase(this, name, ConnectionString(name));
    }

    /// <summary>Drops a database of this cluster if it exists, closing its pooled and open connections first.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        foreach (var pooling in new[] { true, false })
        {
            await using var connection = new NpgsqlConnection(ConnectionString(name, pooling));
            NpgsqlConnection.ClearPool(connection);
        }

        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private string DataDirectory => Path.Combine(_rootDirectory!, "data");

    private async Task CreateTemplateAsync(string name, Func<string, Task> initialize)
    {
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"", CancellationToken.None);
        var connectionString = ConnectionString(name, pooling: false);
        await initialize(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task StartClusterAsync(string binDirectory)
    {
        _asPostgresUser = Environment.IsPrivilegedProcess;
        await StopAbandonedClustersAsync();
        _rootDirectory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(_rootDirectory, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        if (_asPostgresUser)
        {
            await ProcessRunner.RunAsync("chown", ["postgres:postgres", _rootDirectory], CommandTimeout);
        }

        await RunToolAsync("initdb", ["-D", DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            var durability = Durable ? "-c fsync=on -c synchronous_commit=on -c full_page_writes=on" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            var settings = string.Create(CultureInfo.InvariantCulture,
                $"-c listen_addresses=127.0.0.1 -p {Port} -c unix_socket_directories={_rootDirectory} {durability} -c max_connections=300");
            try
            {
                await RunToolAsync("pg_ctl", ["-D", DataDirectory, "-l", Path.Combine(_rootDirectory, "server.log"), "-w", "-t", "60", "-o", settings, "start"]);
                return;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
            }
        }

        var log = Path.Combine(_rootDirectory, "server.log");
        throw new InvalidOperationException($"pg_ctl start failed 3 times. {last?.Message} Server log: {(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none)")}");
    }

    /// <summary>Stops and deletes clusters left behind by test runs that were killed before they could clean up.</summary>
    private async Task StopAbandonedClustersAsync()
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var owner = Path.Combine(directory, OwnerFile);
            if (!File.Exists(owner) || !int.TryParse(await File.ReadAllTextAsync(owner), CultureInfo.InvariantCulture, out var pid) || IsAlive(pid))
            {
                continue;
            }

            var data = Path.Combine(directory, "data");
            try
            {
                if (File.Exists(Path.Combine(data, "postmaster.pid")))
                {
                    await RunToolAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
                }

                Directory.Delete(directory, recursive: true);
            }
#pragma warning disable CA1031 // Best effort: a leftover that cannot be removed must not stop this run.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private Task<string> RunToolAsync(string tool, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binDirectory!, tool);
        return _asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(path, arguments, CommandTimeout);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void DeleteRoot()
    {
        if (_rootDirectory is not null && Directory.Exists(_rootDirectory))
        {
            Directory.Delete(_rootDirectory, recursive: true);
        }
    }
}
