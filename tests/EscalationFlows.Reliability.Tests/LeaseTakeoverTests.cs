using System.Text.Json.Nodes;
using EscalationFlows.Reliability.Tests.Support;
using EscalationFlows.Testing;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Reliability.Tests;

/// <summary>
/// The crash window of a timer, made deterministic: the timer is claimed and its burst is running (blocked in an HTTP
/// call the test holds unanswered) when the server is SIGKILLed. Nothing of the burst was committed, so after the
/// restart the timer's lease runs out, it is claimed again and the burst runs once more — and is committed once.
/// </summary>
public sealed class LeaseTakeoverTests(PostgresFixture postgres)
{
    private const string DefinitionId = "reliability-lease";
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task On_SQLite_a_timer_whose_burst_was_killed_before_its_commit_fires_once_after_the_restart()
    {
        await using var database = DatabaseTarget.Sqlite();
        await RunAsync(database);
    }

    [Fact]
    public async Task On_PostgreSQL_a_timer_whose_burst_was_killed_before_its_commit_fires_once_after_the_restart()
    {
        postgres.RequireAvailable();
        await using var database = await DatabaseTarget.PostgresAsync(postgres);
        await RunAsync(database);
    }

    private static async Task RunAsync(DatabaseTarget database)
    {
        using var receiver = new WebhookReceiver();
        var held = new TaskCompletionSource<ReceivedWebhook>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var serverKilled = new ManualResetEventSlim();
        receiver.Respond = request =>
        {
            if (held.TrySetResult(request))
            {
                serverKilled.Wait(TestContext.Current.CancellationToken);
            }

            return 200;
        };

        await using var deployment = new Deployment(database);
        deployment.AddWorkflow(new Flow(DefinitionId)
            .Inputs([new JsonObject { ["name"] = "url", ["type"] = "string", ["required"] = true }])
            .Add("start", "Start")
            .Add("wait", "Delay", Literal("duration", "PT1S"))
            .Add("call", "SendHttpRequest", ("url", "input", "url"), Literal("method", "POST"), Literal("body", new JsonObject { ["ping"] = true }))
            .Add("end", "End")
            .Chain("start", "wait", "call", "end"));
        var server = await deployment.StartAsync("node-a", ServerProcess.FreePort());
        using var client = Api.CreateClient(server.BaseAddress, await server.CreateAdminApiKeyAsync(TestContext.Current.CancellationToken));
        using var started = await client.PostJsonAsync("api/workflow-instances", new JsonObject { ["definitionId"] = DefinitionId, ["input"] = new JsonObject { ["url"] = receiver.BaseUrl + "calls" } });
        var instanceId = JsonNode.Parse(await started.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<string>();

        // The timer fired and its burst is inside the HTTP call: claimed, not committed. Kill the process there.
        await Poll.UntilAsync(() => Task.FromResult(held.Task.IsCompleted), h => h, "the timer's burst to reach the HTTP call", Deadline, server.Tail);
        server.Kill();
        serverKilled.Set();
        Assert.Equal(1, await database.ScalarAsync($"SELECT COUNT(*) FROM wf_timers WHERE instance_id = '{instanceId}' AND lease_owner = 'node-a'"));
        Assert.Equal("Suspended", (await database.RowsAsync($"SELECT status FROM wf_instances WHERE id = '{instanceId}'")).Single()[0]);

        server = await deployment.StartAsync("node-a", server.Port);
        await Poll.UntilAsync(async () => (await client.GetObjectAsync($"api/workflow-instances/{instanceId}"))["status"]!.GetValue<string>(), s => s == "Finished",
            "the instance to finish after the lease expired", Deadline, server.Tail);

        var journal = await client.JournalAsync(instanceId);
        int Count(string activity, string journalEvent) => journal.Count(e => e["activityId"]?.GetValue<string>() == activity && e["event"]!.GetValue<string>() == journalEvent);
        Assert.Equal((1, 1, 1), (Count("wait", "ActivityResumed"), Count("call", "ActivityStarted"), Count("call", "ActivityCompleted")));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM wf_timers"));

        // The direct HTTP call is the at-least-once part: made twice, both times with the same Idempotency-Key.
        var calls = receiver.Received.ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal($"{instanceId}:call:1", c.IdempotencyKey));
    }
}
