using EscalationFlows.Bench;
using EscalationFlows.Testing;

var options = BenchOptions.Parse(args);
if (options is null)
{
    return 2;
}

var report = new Report();
report.Line($"### Run of {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.Line();
foreach (var line in MachineInfo.Describe())
{
    report.Line($"- {line}");
}

await using var postgres = new PostgresFixture { Durable = true };
if (options.Providers.Contains("postgres"))
{
    await postgres.InitializeAsync();
}

var scenarios = new (string Name, Func<BenchDatabase, BenchOptions, Report, Task> Run)[]
{
    ("start", StartScenario.RunAsync),
    ("http", HttpStartScenario.RunAsync),
    ("resume", ResumeScenario.RunAsync),
    ("timers", TimerScenario.RunAsync),
};
var versionsReported = new HashSet<string>(StringComparer.Ordinal);
report.Line();
report.TableHeader();
foreach (var provider in options.Providers)
{
    if (provider == "postgres" && !postgres.IsAvailable)
    {
        report.Line($"| PostgreSQL skipped: {postgres.UnavailableReason} | | | | | | |");
        continue;
    }

    foreach (var (name, run) in scenarios.Where(s => options.Scenarios.Contains(s.Name)))
    {
        await RunScenarioAsync(provider, name, run);
    }
}

await report.SaveAsync(options.Output);
return 0;

async Task RunScenarioAsync(string provider, string name, Func<BenchDatabase, BenchOptions, Report, Task> run)
{
    await using var database = provider == "postgres" ? await BenchDatabase.PostgresAsync(postgres) : BenchDatabase.Sqlite();
    if (versionsReported.Add(provider))
    {
        report.Line($"<!-- {await database.VersionAsync()}{(database.IsPostgres ? ", fsync on, synchronous_commit on" : ", WAL, synchronous=FULL")} -->");
    }

    await run(database, options, report);
    report.Line($"<!-- load average after {name} on {provider}: {MachineInfo.LoadAverage()} -->");
}
