using System.Diagnostics;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Hosting;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Validation;
using EscalationFlows.Escalations.Hosting;
using EscalationFlows.Escalations.Sla.Policies;
using EscalationFlows.Escalations.Sla.Services;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Escalations.Tickets;
using EscalationFlows.Persistence;
using EscalationFlows.Persistence.Hosting;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>
/// Perf scenario 3 on the real timer path: <see cref="ScenarioSettings.Total"/> pending SLA threshold timers in
/// <c>wf_timers</c>, <see cref="ScenarioSettings.Due"/> of them due inside the window, fired by a loop identical to
/// the server's TimerDispatcher (next due → <see cref="WorkflowRuntime.ProcessDueTimersAsync"/> → SLA timer handler →
/// <c>sla.threshold</c> event). The clock stands still during setup and runs at real speed from the release.
/// </summary>
public static class SlaThresholdScenario
{
    private const string PolicyId = "bench";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ResponseTarget = TimeSpan.FromMinutes(10);

    public static async Task<ScenarioResult> RunAsync(ScenarioSettings settings, string connectionString, Func<Task<long>>? walSyncs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clock = new ReleasableClock(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));
        var counter = new WriteCounter();
        await using var services = BuildServices(settings, connectionString, clock, counter);
        var setup = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(services);
        await services.GetRequiredService<SlaMaintenance>().PrepareAsync(CancellationToken.None);
        await SavePolicyAsync(services, clock.GetUtcNow());
        if (settings.Listener)
        {
            await PublishListenerAsync(services);
        }

        await RegisterTicketsAsync(services, settings, clock.Start);
        var pending = await CountTimersAsync(services, clock.Start + ScenarioSettings.Lead + settings.Window);
        if (pending.Total != settings.Total || pending.Due != settings.Due)
        {
            throw new InvalidOperationException($"Setup made {pending.Total} timers with {pending.Due} due in the window; expected {settings.Total} and {settings.Due}.");
        }

        setup.Stop();
        Console.WriteLine($"  setup: {settings.Total:N0} timers in {setup.Elapsed.TotalSeconds:N1} s");

        var commitsBefore = counter.Commits;
        var walBefore = walSyncs is null ? (long?)null : await walSyncs();
        clock.Release();
        using var stop = new CancellationTokenSource();
        var dispatcher = Task.Run(() => DispatchAsync(services, clock, stop.Token));
        var firstDue = clock.Start + ScenarioSettings.Lead;
        var deadline = Stopwatch.StartNew();
        while (await CountDeliveredAsync(services) < settings.Due)
        {
            if (deadline.Elapsed > ScenarioSettings.Lead + settings.Window + TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"Only {await CountDeliveredAsync(services)} of {settings.Due} events were published in time.");
            }

            if (dispatcher.IsFaulted)
            {
                await dispatcher;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        var commits = counter.Commits - commitsBefore;
        var wal = walSyncs is null ? (long?)null : await walSyncs() - walBefore;
        await stop.CancelAsync();
        await dispatcher;

        var events = await ReadEventsAsync(services);
        var instances = settings.Listener ? await CountInstancesAsync(services) : 0;
        return new ScenarioResult
        {
            Settings = settings,
            SetupTime = setup.Elapsed,
            PendingBefore = pending.Total,
            Fired = events.Count,
            DistinctFired = events.Select(e => e.Id).Distinct(StringComparer.Ordinal).Count(),
            InstancesStarted = instances,
            DrainTime = events.Max(e => e.Delivered) - firstDue,
            FiredLateness = Percentiles.Of(events.Select(e => e.Fired - e.Due)),
            PublishedLateness = Percentiles.Of(events.Select(e => e.Delivered - e.Due)),
            Commits = commits,
            WalSyncs = wal,
        };
    }

    private static ServiceProvider BuildServices(ScenarioSettings settings, string connectionString, TimeProvider clock, WriteCounter counter)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = settings.Provider == "postgres" ? "Postgres" : "Sqlite",
            [settings.Provider == "postgres" ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        // EF logs its first look for the migrations history table of an empty database as a failed command; that is expected.
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddSingleton(clock);
        services.AddWorkflowEngine();
        services.Configure<RuntimeOptions>(o =>
        {
            o.TimerBatchSize = settings.BatchSize;
            o.NodeId = "bench";
        });
        services.AddEscalationFlowsPersistence(configuration);
        services.ConfigureDbContext<SqliteEscalationFlowsDbContext>(b => b.AddInterceptors(counter));
        services.ConfigureDbContext<PostgresEscalationFlowsDbContext>(b => b.AddInterceptors(counter));
        services.AddEscalationsModule();
        services.AddEscalationFlowsSlaStore();
        return services.BuildServiceProvider();
    }

    /// <summary>24×7 so due instants are plain wall time: P1 response 10 min (50 % after 5 min), P5 response 10 h.</summary>
    private static async Task SavePolicyAsync(IServiceProvider services, DateTimeOffset now)
    {
        var policy = new SlaPolicy
        {
            Id = PolicyId,
            Name = "Benchmark (24×7)",
            CalendarId = "24x7",
            Targets = [.. Enumerable.Range(1, 5).Select(p => new SlaTarget { Priority = p, ResponseMinutes = p == 1 ? 10 : 600, ResolutionMinutes = p == 1 ? 600 : 6000 })],
        };
        await services.GetRequiredService<ISlaStore>().ExecuteAsync((s, ct) => SlaConfigurationService.SavePolicyAsync(s, policy, now, ct), CancellationToken.None);
    }

    private static async Task PublishListenerAsync(IServiceProvider services)
    {
        var json = new JsonObject
        {
            ["definitionId"] = "on-sla-threshold",
            ["version"] = 1,
            ["name"] = "Escalate on SLA threshold",
            ["variables"] = new JsonArray(new JsonObject { ["name"] = "reason" }),
            ["root"] = new JsonObject
            {
                ["type"] = "Flowchart",
                ["activities"] = new JsonArray(
                    new JsonObject { ["id"] = "trigger", ["type"] = "EventTrigger", ["inputs"] = new JsonObject { ["eventName"] = Literal("sla.threshold") } },
                    new JsonObject { ["id"] = "set", ["type"] = "SetVariable", ["inputs"] = new JsonObject { ["variable"] = Literal("reason"), ["value"] = Literal("sla-risk") } },
                    new JsonObject { ["id"] = "end", ["type"] = "End" }),
                ["connections"] = new JsonArray(Connection("trigger", "set"), Connection("set", "end")),
            },
        };
        var read = services.GetRequiredService<WorkflowDefinitionReader>().Read(json.ToJsonString());
        var store = services.GetRequiredService<IWorkflowDefinitionStore>();
        var saved = await store.SaveAsync(read.Definition ?? throw new InvalidOperationException(string.Join("; ", read.Errors.Select(e => e.Message))), null, CancellationToken.None);
        await store.PublishAsync(saved.DefinitionId, saved.Version, null, CancellationToken.None);

        static JsonObject Literal(string value) => new() { ["expression"] = new JsonObject { ["type"] = "literal", ["value"] = value } };
        static JsonObject Connection(string from, string to) => new() { ["source"] = new JsonObject { ["activity"] = from }, ["target"] = new JsonObject { ["activity"] = to } };
    }

    /// <summary>
    /// <see cref="ScenarioSettings.Due"/> P1 tickets opened so that their response 50 % falls in the window (each has 7
    /// more timers later), and P5 tickets opened at the start whose first threshold is 5 h away; 8 timers per ticket.
    /// </summary>
    private static async Task RegisterTicketsAsync(IServiceProvider services, ScenarioSettings settings, DateTimeOffset start)
    {
        var store = services.GetRequiredService<ISlaStore>();
        var service = services.GetRequiredService<SlaClockService>();
        var tickets = settings.Total / 8;
        const int chunk = 500;
        for (var first = 0; first < tickets; first += chunk)
        {
            var from = first;
            await store.ExecuteAsync(async (session, ct) =>
            {
                for (var i = from; i < Math.Min(from + chunk, tickets); i++)
                {
                    var due = i < settings.Due;
                    var dueAt = start + ScenarioSettings.Lead + (settings.Due > 1 ? settings.Window * i / settings.Due : TimeSpan.Zero);
                    var registration = new TicketRegistration
                    {
                        Source = "bench",
                        ExternalId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Client = "Client " + (i % 50),
                        Priority = due ? 1 : 5,
                        OpenedAt = due ? dueAt - (ResponseTarget / 2) : start,
                        Title = "Benchmark ticket",
                        PolicyId = PolicyId,
                    };
                    await service.RegisterTicketAsync(session, registration, $"T{i:D6}", start, ct);
                }

                return 0;
            }, CancellationToken.None);
        }
    }

    /// <summary>The server's TimerDispatcher step, in a loop: fire when something is due, else sleep until it is (at most the poll interval).</summary>
    private static async Task DispatchAsync(IServiceProvider services, TimeProvider clock, CancellationToken cancellationToken)
    {
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        var store = services.GetRequiredService<IWorkflowStore>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var next = await store.GetNextTimerDueAsync(cancellationToken);
                var now = clock.GetUtcNow();
                if (next is { } due && due <= now)
                {
                    if (await runtime.ProcessDueTimersAsync(cancellationToken) > 0)
                    {
                        continue;
                    }

                    await Task.Delay(PollInterval, clock, cancellationToken);
                    continue;
                }

                await Task.Delay(next is { } later && later - now < PollInterval ? later - now : PollInterval, clock, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<(int Total, int Due)> CountTimersAsync(IServiceProvider services, DateTimeOffset windowEnd)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContextAsync();
        return (await db.Timers.CountAsync(t => t.Kind == "sla.threshold"), await db.Timers.CountAsync(t => t.Kind == "sla.threshold" && t.DueAt <= windowEnd));
    }

    private static async Task<int> CountDeliveredAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContextAsync();
        return await db.Outbox.CountAsync(o => o.Kind == SlaClockService.OutboxKind && o.DeliveredAt != null);
    }

    private static async Task<int> CountInstancesAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContextAsync();
        return await db.Instances.CountAsync(i => i.DefinitionId == "on-sla-threshold" && i.Status == Engine.Execution.WorkflowStatus.Finished);
    }

    private static async Task<List<(string Id, DateTimeOffset Due, DateTimeOffset Fired, DateTimeOffset Delivered)>> ReadEventsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContextAsync();
        var rows = await db.Outbox.AsNoTracking().Where(o => o.Kind == SlaClockService.OutboxKind).Select(o => new { o.Id, o.Payload, o.CreatedAt, o.DeliveredAt }).ToListAsync();
        return [.. rows.Select(r => (r.Id, JsonNode.Parse(r.Payload)!["payload"]!["dueAt"]!.GetValue<DateTimeOffset>(), r.CreatedAt, r.DeliveredAt ?? DateTimeOffset.MaxValue))];
    }
}
