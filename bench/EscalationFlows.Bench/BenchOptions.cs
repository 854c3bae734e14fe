using System.Globalization;

namespace EscalationFlows.Bench;

/// <summary>Command-line options (<c>-name value</c>); see <see cref="Usage"/>.</summary>
public sealed record BenchOptions
{
    public const string Usage = """
        EscalationFlows runtime benchmarks (results: docs/benchmarks.md, "## Runtime").

        dotnet run -c Release --project bench/EscalationFlows.Bench -- [options]
          -providers sqlite,postgres   databases to run on (default both; PostgreSQL needs its server binaries)
          -scenarios start,http,resume,timers
                                       (a) start-to-bookmark in process, (a) over HTTP, (b) resume, (d) timers (default all)
          -rate 50                     arrival rate of the open-model start runs, starts/s
          -seconds 20                  length of each measured run (after a warm-up: 10 s unthrottled, 3 s at the rate)
          -clients 8                   concurrent clients of the unthrottled start runs
          -resumeClients 64            concurrent clients resuming distinct bookmarks
          -parked 10000                instances parked on a bookmark for the resume run
          -timers 10000                due timers to drain
          -out path.md                 also append the report to this file
        """;

    public IReadOnlyList<string> Providers { get; init; } = ["sqlite", "postgres"];

    public IReadOnlyList<string> Scenarios { get; init; } = ["start", "http", "resume", "timers"];

    public double Rate { get; init; } = 50;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public int Clients { get; init; } = 8;

    public int ResumeClients { get; init; } = 64;

    public int Parked { get; init; } = 10_000;

    public int Timers { get; init; } = 10_000;

    public string? Output { get; init; }

    /// <summary>The options, or null (with the reason on stderr) when the arguments are not understood.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i].TrimStart('-').ToUpperInvariant();
            if (name is "HELP" or "H" or "?")
            {
                Console.WriteLine(Usage);
                return null;
            }

            if (i + 1 >= args.Count)
            {
                Console.Error.WriteLine($"{args[i]} needs a value.{Environment.NewLine}{Usage}");
                return null;
            }

            var value = args[++i];
            options = name switch
            {
                "PROVIDERS" => options with { Providers = List(value) },
                "SCENARIOS" => options with { Scenarios = List(value) },
                "RATE" => options with { Rate = double.Parse(value, CultureInfo.InvariantCulture) },
                "SECONDS" => options with { Duration = TimeSpan.FromSeconds(double.Parse(value, CultureInfo.InvariantCulture)) },
                "CLIENTS" => options with { Clients = int.Parse(value, CultureInfo.InvariantCulture) },
                "RESUMECLIENTS" => options with { ResumeClients = int.Parse(value, CultureInfo.InvariantCulture) },
                "PARKED" => options with { Parked = int.Parse(value, CultureInfo.InvariantCulture) },
                "TIMERS" => options with { Timers = int.Parse(value, CultureInfo.InvariantCulture) },
                "OUT" => options with { Output = value },
                _ => null,
            };
            if (options is null)
            {
                Console.Error.WriteLine($"Unknown option {args[i - 1]}.{Environment.NewLine}{Usage}");
                return null;
            }
        }

        return options;
    }

    private static string[] List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(v => v.ToLowerInvariant()).ToArray();
}
