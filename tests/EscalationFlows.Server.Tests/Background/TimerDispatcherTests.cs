using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Background;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Server.Tests.Background;

public sealed class TimerDispatcherTests
{
    private static async Task<string> StartDelayAsync(HttpClient client, string duration)
    {
        var id = Ids.New("delay");
        await (await client.PostJsonAsync("/api/workflow-definitions/import?publish=true", Workflows.Delaying(id, duration).Json)).ReadObjectAsync(HttpStatusCode.Created);
        var run = await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("Suspended", run["status"]!.GetValue<string>());
        Assert.Equal("Timer", run["bookmarks"]![0]!["kind"]!.GetValue<string>());
        return run["id"]!.GetValue<string>();
    }

    private static Task<string> StatusAsync(HttpClient client, string instanceId) =>
        client.GetObjectAsync($"/api/workflow-instances/{instanceId}").ContinueWith(t => t.Result["status"]!.GetValue<string>(), TaskScheduler.Default);

    [Fact]
    public async Task A_delay_fires_once_the_fake_clock_passes_its_due_time()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var instanceId = await StartDelayAsync(client, "PT1H");

        factory.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal("Suspended", await StatusAsync(client, instanceId));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Poll.UntilAsync(() => StatusAsync(client, instanceId), s => s == "Finished", "the Delay to fire");
        var journal = await client.GetObjectAsync($"/api/workflow-instances/{instanceId}/journal");
        Assert.Contains(journal["entries"]!.AsArray(), e => e!["activityId"]?.GetValue<string>() == "end");
    }

    [Fact]
    public async Task A_failing_store_is_logged_and_backed_off_and_timers_fire_once_it_recovers()
    {
        var store = new FlakyStore();
        await using var factory = new ServerFactory(
            new Dictionary<string, string?> { ["Runtime:ErrorBackoff"] = "00:00:02", ["Runtime:MaxErrorBackoff"] = "00:00:10" },
            services => store.Install(services));
        using var client = factory.CreateClient();
        var instanceId = await StartDelayAsync(client, "PT5M");

        store.Failing = true;
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await Poll.UntilAsync(() => Task.FromResult(store.Failures), f => f >= 1, "the dispatchers to hit the outage");
        Assert.Contains(factory.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("failed", StringComparison.Ordinal) && e.Exception?.Message == FlakyStore.Message);

        // Still failing: each retry waits on the (fake) clock, so the host neither spins nor stops.
        var failures = store.Failures;
        factory.Clock.Advance(TimeSpan.FromSeconds(2));
        await Poll.UntilAsync(() => Task.FromResult(store.Failures), f => f > failures, "a retry after the backoff");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ApiCalls.Token)).StatusCode);
        Assert.Equal("Suspended", await StatusAsync(client, instanceId));

        store.Failing = false;
        factory.Clock.Advance(TimeSpan.FromSeconds(10));
        await Poll.UntilAsync(() => StatusAsync(client, instanceId), s => s == "Finished", "the Delay to fire after the outage");
        Assert.All(factory.Services.GetServices<IHostedService>().OfType<BackgroundService>(), s => Assert.False(s.ExecuteTask?.IsCompleted ?? true));
    }

    [Fact]
    public async Task The_dispatchers_stop_cleanly_with_the_host()
    {
        await using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        var dispatchers = factory.Services.GetServices<IHostedService>().Where(s => s is TimerDispatcher or OutboxDispatcher).Cast<BackgroundService>().ToList();
        Assert.Equal(2, dispatchers.Count);
        Assert.All(dispatchers, d => Assert.False(d.ExecuteTask!.IsCompleted));

        await factory.Services.GetRequiredService<IHost>().StopAsync(ApiCalls.Token);

        // Ended without a fault (Canceled only when the host stopped before the loop got a thread).
        Assert.All(dispatchers, d => Assert.True(d.ExecuteTask!.IsCompleted && !d.ExecuteTask.IsFaulted, $"{d.GetType().Name}: {d.ExecuteTask.Status}"));
        Assert.DoesNotContain(factory.Logs.Entries, e => e.Level >= LogLevel.Warning && e.Category.Contains("Dispatcher", StringComparison.Ordinal));
    }

    [Fact]
    public void Backoff_doubles_per_failure_up_to_the_maximum()
    {
        var options = new DispatcherOptions { ErrorBackoff = TimeSpan.FromSeconds(1), MaxErrorBackoff = TimeSpan.FromSeconds(30) };

        Assert.Equal([1, 2, 4, 8, 16, 30, 30], new[] { 1, 2, 3, 4, 5, 6, 100 }.Select(n => options.BackoffAfter(n).TotalSeconds));
    }
}
