using System.Net.Http.Json;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace EscalationFlows.Testing;

/// <summary>
/// One run of the real server as a child process (<c>dotnet EscalationFlows.Server.dll --urls … --Key value …</c>):
/// started, waited for until <c>/health/ready</c> answers, and killed with SIGKILL. Its console output goes to a log
/// file per run (<see cref="LogPath"/>); the last lines are kept for failure messages.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private const int TailLines = 60;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Queue<string> _tail = new();
    private readonly Lock _gate = new();

    private ServerProcess(Process process, StreamWriter log, string logPath, string name, int port)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        Name = name;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>CPU time (user + system) the server process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>The admin account every test server is bootstrapped with (unless the settings name another).</summary>
    public const string AdminEmail = "admin@tests.local";

    /// <summary>The bootstrapped admin's password.</summary>
    public const string AdminPassword = "test-admin-password-1";

    /// <summary>
    /// Signs in as the bootstrapped admin and creates an admin API key (stored in the database, so it works on every node
    /// and after restarts); send it as <c>X-Api-Key</c>.
    /// </summary>
    public async Task<string> CreateAdminApiKeyAsync(CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer() };
        using var client = new HttpClient(handler) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var login = await client.PostAsJsonAsync("api/auth/login", new { email = AdminEmail, password = AdminPassword }, cancellationToken);
        if (!login.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Sign-in as {AdminEmail} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync(cancellationToken)}");
        }

        using var created = await client.PostAsJsonAsync("api/api-keys", new { name = "tests", roles = new[] { "admin" } }, cancellationToken);
        var text = await created.Content.ReadAsStringAsync(cancellationToken);
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating an API key failed: {(int)created.StatusCode} {text}");
        }

        return System.Text.Json.Nodes.JsonNode.Parse(text)!["key"]!.GetValue<string>();
    }

    /// <summary>Starts the server dll <paramref name="assemblyPath"/> with <paramref name="settings"/> as command-line configuration and waits until it is ready.</summary>
    public static async Task<ServerProcess> StartAsync(string assemblyPath, string name, int port, IReadOnlyDictionary<string, string> settings, string workingDirectory, string logPath,
        CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(ServerBinary.DotnetHost)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(assemblyPath);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            info.ArgumentList.Add($"--{key}");
            info.ArgumentList.Add(value);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("ASPNETCORE_URLS");

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info };
        var server = new ServerProcess(process, log, logPath, name, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(cancellationToken);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, like a power cut for the process (not for the disk).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public string Tail()
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _tail);
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Server {Name} exited with code {_process.ExitCode} before it was ready. Log {LogPath}:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Server {Name} was not ready within {ReadyTimeout.TotalSeconds:0} s. Log {LogPath}:{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }

            try
            {
                _log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
