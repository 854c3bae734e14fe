using System.Globalization;
using System.Runtime.InteropServices;
using EscalationFlows.Bench.SlaThresholds;
using Microsoft.Data.Sqlite;

// Perf scenario 3: SLA threshold timers. Usage (Release build):
//   dotnet run -c Release --project bench/EscalationFlows.Bench.SlaThresholds -- [--provider sqlite|postgres|all]
//       [--total 100000] [--due 10000] [--window 60] [--listener] [--batch 200]
// Without --window both layouts run: spread evenly over 60 s, and all due at once (a backlog to drain).
var options = ParseArguments(args);
var providers = options.Provider == "all" ? new[] { "sqlite", "postgres" } : [options.Provider];
var windows = options.Window is { } w ? [w] : new[] { TimeSpan.FromSeconds(60), TimeSpan.Zero };

Console.WriteLine("# SLA thresholds benchmark");
Console.WriteLine(Machine());
var results = new List<ScenarioResult>();
foreach (var provider in providers)
{
    foreach (var window in windows)
    {
        var settings = new ScenarioSettings(provider, options.Total, options.Due, window, options.Listener, options.Batch);
        Console.WriteLine($"- {settings.Name}");
        results.Add(provider == "postgres" ? await RunPostgresAsync(settings) : await RunSqliteAsync(settings));
        Console.WriteLine($"  fired {results[^1].Fired:N0} in {results[^1].DrainTime.TotalSeconds:N1} s, publish lateness p50/p95/p99/max ms {results[^1].PublishedLateness}");
    }
}

Console.WriteLine();
Console.WriteLine("| Scenario | Fired (distinct) | Drain s | Fired/s | Firing lateness ms p50 / p95 / p99 / max | Publish lateness ms p50 / p95 / p99 / max | Commits per firing | WAL fsyncs per firing |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var r in results)
{
    var fsyncs = r.WalSyncsPerFiring is { } f ? f.ToString("N3", CultureInfo.InvariantCulture) : "n/a";
    var instances = r.Settings.Listener ? $", {r.InstancesStarted:N0} instances" : string.Empty;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Settings.Name} | {r.Fired:N0} ({r.DistinctFired:N0}{instances}) | {r.DrainTime.TotalSeconds:N1} | {r.FiredPerSecond:N0} | {r.FiredLateness} | {r.PublishedLateness} | {r.CommitsPerFiring:N3} | {fsyncs} |"));
}

return results.All(r => r.Fired == r.DistinctFired && r.Fired == r.Settings.Due && (!r.Settings.Listener || r.InstancesStarted == r.Fired)) ? 0 : 1;

static async Task<ScenarioResult> RunSqliteAsync(ScenarioSettings settings)
{
    var folder = Directory.CreateTempSubdirectory("escalationflows-bench-sqlite-").FullName;
    try
    {
        return await SlaThresholdScenario.RunAsync(settings, $"Data Source={Path.Combine(folder, "bench.db")}", walSyncs: null);
    }
    finally
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}

static async Task<ScenarioResult> RunPostgresAsync(ScenarioSettings settings)
{
    var bin = DurablePostgres.FindBinaries() ?? throw new InvalidOperationException("No PostgreSQL server binaries (set ESCALATIONFLOWS_PG_BIN or install postgresql).");
    await using var cluster = await DurablePostgres.StartAsync(bin);
    Console.WriteLine($"  PostgreSQL {cluster.Version} (fsync on, synchronous_commit on)");
    return await SlaThresholdScenario.RunAsync(settings, cluster.ConnectionString, cluster.WalSyncsAsync);
}

static string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() : null;
    using var connection = new SqliteConnection("Data Source=:memory:");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "select sqlite_version()";
    return string.Create(CultureInfo.InvariantCulture,
        $"Machine: {Environment.ProcessorCount} CPUs ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}), {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, SQLite {command.ExecuteScalar()} (WAL, synchronous=FULL)");
}

static (string Provider, int Total, int Due, TimeSpan? Window, bool Listener, int Batch) ParseArguments(string[] arguments)
{
    var provider = "all";
    var total = 100_000;
    var due = 10_000;
    TimeSpan? window = null;
    var listener = false;
    var batch = 200;
    for (var i = 0; i < arguments.Length; i++)
    {
        string Next() => i + 1 < arguments.Length ? arguments[++i] : throw new ArgumentException($"{arguments[i]} needs a value.");
        switch (arguments[i])
        {
            case "--provider": provider = Next(); break;
            case "--total": total = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--due": due = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            case "--window": window = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
            case "--listener": listener = true; break;
            case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
            default: throw new ArgumentException($"Unknown argument '{arguments[i]}'.");
        }
    }

    if (provider is not ("sqlite" or "postgres" or "all") || total % 8 != 0 || due * 8 > total)
    {
        throw new ArgumentException("--provider is sqlite, postgres or all; --total must be a multiple of 8 and at least 8 × --due.");
    }

    return (provider, total, due, window, listener, batch);
}
