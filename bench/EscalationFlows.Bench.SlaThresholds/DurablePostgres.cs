using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>
/// A throwaway PostgreSQL cluster with the DEFAULT durability settings (fsync, synchronous_commit and full_page_writes
/// on, unlike the test fixture): initdb in a temp directory, started on a free 127.0.0.1 port, stopped and deleted on
/// dispose. Binaries from <c>ESCALATIONFLOWS_PG_BIN</c> or the newest <c>/usr/lib/postgresql/*/bin</c>.
/// </summary>
public sealed class DurablePostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly bool _asPostgres;

    private DurablePostgres(string bin, string root, bool asPostgres, int port)
    {
        _bin = bin;
        _root = root;
        _asPostgres = asPostgres;
        Port = port;
    }

    public int Port { get; }

    public string Version { get; private set; } = string.Empty;

    public string ConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "bench",
        MaxPoolSize = 50,
    }.ConnectionString;

    public static string? FindBinaries()
    {
        var overridden = Environment.GetEnvironmentVariable("ESCALATIONFLOWS_PG_BIN");
        if (!string.IsNullOrWhiteSpace(overridden))
        {
            return File.Exists(Path.Combine(overridden, "pg_ctl")) ? overridden : null;
        }

        const string root = "/usr/lib/postgresql";
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "pg_ctl"))).OrderDescending().FirstOrDefault()
            : null;
    }

    public static async Task<DurablePostgres> StartAsync(string bin)
    {
        var root = Directory.CreateTempSubdirectory("escalationflows-bench-pg-").FullName;
        var asPostgres = Environment.IsPrivilegedProcess;
        if (asPostgres)
        {
            await RunAsync("chown", ["postgres:postgres", root]);
        }

        var port = FreePort();
        var cluster = new DurablePostgres(bin, root, asPostgres, port);
        var data = Path.Combine(root, "data");
        await cluster.ToolAsync("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale"]);
        var options = string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories={root} -c max_connections=100");
        await cluster.ToolAsync("pg_ctl", ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", options, "start"]);

        var admin = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE DATABASE bench", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var version = new NpgsqlCommand("SHOW server_version", connection))
        {
            cluster.Version = (string)(await version.ExecuteScalarAsync())!;
        }

        return cluster;
    }

    /// <summary>WAL flushes (fsyncs) since the cluster started: the durable cost of the commits.</summary>
    public async Task<long> WalSyncsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT wal_sync FROM pg_stat_wal", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await ToolAsync("pg_ctl", ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already down: the directory goes either way.
        }

        Directory.Delete(_root, recursive: true);
    }

    private Task ToolAsync(string tool, IReadOnlyList<string> arguments) =>
        _asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]) : RunAsync(Path.Combine(_bin, tool), arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath() };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
