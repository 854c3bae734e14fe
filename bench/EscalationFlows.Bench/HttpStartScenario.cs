using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EscalationFlows.Testing;

namespace EscalationFlows.Bench;

/// <summary>
/// (a) over HTTP: POST /api/workflow-instances against the real server (its Release build as a child process, Kestrel
/// on loopback), until the 201 that confirms the bookmark is committed. The server also delivers the notify webhooks
/// to a local receiver meanwhile, as it would in production.
/// </summary>
public static class HttpStartScenario
{
    public static async Task RunAsync(BenchDatabase database, BenchOptions options, Report report)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(report);
        using var receiver = new WebhookReceiver();
        var root = Directory.CreateTempSubdirectory("escalationflows-bench-").FullName;
        try
        {
            var workflows = Directory.CreateDirectory(Path.Combine(root, "workflows")).FullName;
            await File.WriteAllTextAsync(Path.Combine(workflows, BenchWorkflows.EscalationId + ".json"), BenchWorkflows.Escalation(receiver.BaseUrl + "hooks").Json);
            var settings = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["Workflows:ImportPath"] = workflows,
                ["Webhooks:SigningSecret"] = WebhookReceiver.SigningSecret,
            };
            foreach (var (key, value) in database.Configuration)
            {
                settings[key] = value!;
            }

            using var server = await ServerProcess.StartAsync(ServerBinary.Find(typeof(HttpStartScenario).Assembly), "bench-http", ServerProcess.FreePort(), settings, root,
                Path.Combine(root, "server.log"), CancellationToken.None);
            using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            client.DefaultRequestHeaders.Add("X-Api-Key", await server.CreateAdminApiKeyAsync(CancellationToken.None));
            var started = 0;
            Func<int, Task<string?>> start = async i =>
            {
                var body = new JsonObject { ["definitionId"] = BenchWorkflows.EscalationId, ["input"] = BenchWorkflows.EscalationInput(i) }.ToJsonString();
                using var response = await client.PostAsync("api/workflow-instances", new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Created || !text.Contains("\"status\":\"Suspended\"", StringComparison.Ordinal))
                {
                    return $"{(int)response.StatusCode} {text}";
                }

                Interlocked.Increment(ref started);
                return null;
            };

            await Load.WarmUpAsync(options.Clients, options.Warmup, options.Rate, start);

            // The unthrottled warm-up starts faster than webhooks go out: let the server deliver that backlog first, so
            // the fixed-rate run measures the steady state at that rate.
            var deadline = DateTime.UtcNow.AddMinutes(5);
            while (receiver.Accepted.Count < Volatile.Read(ref started) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }

            var before = await Counters.CaptureAsync(null, database);
            var (open, openCpu) = await Cpu.MeasureAsync(() => server.CpuTime, () => Load.OpenAsync(options.Rate, options.Duration, start));
            var after = await Counters.CaptureAsync(null, database);
            report.Row($"(a) start → bookmark, HTTP, {database.Provider}", string.Create(CultureInfo.InvariantCulture, $"open, {options.Rate:0}/s for {options.Duration.TotalSeconds:0} s"),
                open, openCpu, before.PerOperation(after, open.Succeeded));

            before = after;
            var (closed, closedCpu) = await Cpu.MeasureAsync(() => server.CpuTime, () => Load.ClosedAsync(options.Clients, options.Duration, start));
            after = await Counters.CaptureAsync(null, database);
            report.Row($"(a) start → bookmark, HTTP, {database.Provider}", $"unthrottled, {options.Clients} clients", closed, closedCpu, before.PerOperation(after, closed.Succeeded));
            report.Line(string.Create(CultureInfo.InvariantCulture,
                $"<!-- HTTP {database.Provider}: {receiver.Accepted.Count} notify webhooks delivered during the runs; PG counts include their delivery marks -->"));
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
