using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using EscalationFlows.Reliability.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Reliability.Tests;

/// <summary>
/// reliability.md test 1 on a real server process: 200 instances of a four-burst workflow (durable waits between
/// bursts, a webhook through the outbox in each) while the server is SIGKILLed four times — once while starts are in
/// flight, three times while timers fire and webhooks go out — and restarted on the same database. Starts that got no
/// answer are sent again with the same Idempotency-Key.
/// </summary>
public sealed class CrashRecoveryTests(PostgresFixture postgres)
{
    private const int Instances = 200;
    private const int WebhooksPerInstance = 3;
    private const int HeldRequest = 150;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task On_SQLite_every_instance_finishes_with_each_step_journaled_once_and_every_webhook_delivered_across_four_SIGKILLs()
    {
        await using var database = DatabaseTarget.Sqlite();
        await RunAsync(database);
    }

    [Fact]
    public async Task On_PostgreSQL_every_instance_finishes_with_each_step_journaled_once_and_every_webhook_delivered_across_four_SIGKILLs()
    {
        postgres.RequireAvailable();
        await using var database = await DatabaseTarget.PostgresAsync(postgres);
        await RunAsync(database);
    }

    private static async Task RunAsync(DatabaseTarget database)
    {
        var clock = Stopwatch.StartNew();
        using var receiver = new WebhookReceiver();
        var attempts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        // The receiver refuses the first attempt of about one message in sixteen (ids ending in 0): retries are part of the run.
        // It holds its answer to the 150th request until the server has been killed: a delivery the server never saw
        // acknowledged, which must come again under the same id.
        var requests = 0;
        var refused = 0;
        var held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var serverKilled = new ManualResetEventSlim();
        receiver.Respond = hook =>
        {
            var attempt = attempts.AddOrUpdate(hook.Id ?? string.Empty, 1, (_, n) => n + 1);
            if (Interlocked.Increment(ref requests) == HeldRequest)
            {
                // Processed here (2xx), but the answer reaches no one: the server is killed first.
                held.TrySetResult(hook.Id!);
                serverKilled.Wait(TestContext.Current.CancellationToken);
                return 204;
            }

            if (attempt == 1 && hook.Id!.EndsWith('0'))
            {
                Interlocked.Increment(ref refused);
                return 503;
            }

            return 204;
        };

        await using var deployment = new Deployment(database);
        deployment.AddWorkflow(ReliabilityWorkflows.Bursts());
        var server = await deployment.StartAsync("node-a", ServerProcess.FreePort());
        using var client = Api.CreateClient(server.BaseAddress, await server.CreateAdminApiKeyAsync(TestContext.Current.CancellationToken));
        var load = new StartLoad(() => client, ReliabilityWorkflows.BurstsId, Instances,
            i => new JsonObject { ["ticket"] = new JsonObject { ["key"] = $"T-{i:0000}" }, ["hookUrl"] = receiver.BaseUrl + "hooks" });
        var starting = load.RunAsync(concurrency: 8, Deadline);

        var kills = new List<string>();
        async Task KillAtAsync(string moment, Func<bool> reached, Action? afterKill = null)
        {
            await Poll.UntilAsync(() => Task.FromResult(reached()), r => r || starting.IsFaulted, moment, Deadline, server.Tail);
            var (acknowledged, accepted) = (load.Acknowledged, receiver.Accepted.Count);
            server.Kill();
            afterKill?.Invoke();

            // A burst is committed whole or not at all, so a killed process never leaves an instance marked Running.
            Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM wf_instances WHERE status = 'Running'"));
            var restart = Stopwatch.StartNew();
            server = await deployment.StartAsync(server.Name, server.Port);
            kills.Add($"{moment}: killed at {acknowledged} starts acknowledged, {accepted} webhooks accepted; ready again in {restart.ElapsedMilliseconds} ms");
        }

        await KillAtAsync("while starts are in flight", () => load.Acknowledged >= 60);
        await KillAtAsync($"while webhook request {HeldRequest} waits for its answer", () => held.Task.IsCompleted, serverKilled.Set);
        await KillAtAsync("while timers fire and webhooks go out (1)", () => receiver.Accepted.Count >= 300);
        await KillAtAsync("while timers fire and webhooks go out (2)", () => receiver.Accepted.Count >= 450);
        await starting;

        await Poll.UntilAsync(() => client.CountAsync(ReliabilityWorkflows.BurstsId, "Finished"), n => n == Instances, "every instance to finish", Deadline, server.Tail);
        var instanceIds = load.InstanceIds.Select(id => id!).ToList();
        var expectedHooks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (instanceId, index) in instanceIds.Select((id, i) => (id, i)))
        {
            var instance = await client.GetObjectAsync($"api/workflow-instances/{instanceId}");
            Assert.Equal("Finished", instance["status"]!.GetValue<string>());
            var variables = instance["variables"]!;
            Assert.Equal(3, variables["step"]!.GetValue<int>());
            for (var step = 1; step <= WebhooksPerInstance; step++)
            {
                expectedHooks.Add(variables[$"hook{step}"]!.GetValue<string>(), index);
            }

            AssertJournal(instanceId, await client.JournalAsync(instanceId));
        }

        // Every webhook reached the receiver (at least once, always under its own id), and nothing else did.
        await Poll.UntilAsync(() => Task.FromResult(expectedHooks.Keys.Count(receiver.Accepted.ContainsKey)), n => n == expectedHooks.Count,
            "every webhook to be accepted", Deadline, server.Tail);
        var received = receiver.Received.ToList();
        Assert.All(received, r =>
        {
            Assert.True(r.Id is not null && expectedHooks.ContainsKey(r.Id), $"unexpected webhook id {r.Id}");
            Assert.Equal(r.Id, r.IdempotencyKey);
            Assert.True(r.SignatureValid, $"bad signature on {r.Id}");
            Assert.True(JsonNode.DeepEquals(new JsonObject { ["key"] = $"T-{expectedHooks[r.Id!]:0000}" }, JsonNode.Parse(r.Body)), r.Body);
        });

        // The delivery whose answer the killed server never saw came again, under the same id.
        Assert.True(receiver.Accepted[held.Task.Result] >= 2, $"webhook {held.Task.Result} was accepted {receiver.Accepted[held.Task.Result]} time(s)");

        // Nothing left behind: one instance per key, no timer, no undelivered message.
        Assert.Equal(Instances, instanceIds.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Instances, await database.ScalarAsync("SELECT COUNT(*) FROM wf_instances"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM wf_timers"));
        Assert.Equal(Instances * WebhooksPerInstance, await database.ScalarAsync("SELECT COUNT(*) FROM wf_outbox"));
        Assert.Equal(0, await database.ScalarAsync("SELECT COUNT(*) FROM wf_outbox WHERE delivered_at IS NULL"));
        for (var index = 0; index < Instances; index += 20)
        {
            using var replay = await client.PostJsonAsync("api/workflow-instances", load.Body(index), load.Key(index));
            var body = JsonNode.Parse(await replay.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
            Assert.Equal((System.Net.HttpStatusCode.Created, "true", instanceIds[index]),
                (replay.StatusCode, replay.Headers.GetValues("Idempotent-Replayed").Single(), body["id"]!.GetValue<string>()));
        }

        var accepted = receiver.Accepted.Values.Sum();
        Report([
            $"{database.Provider}: {Instances} instances, {deployment.Runs} server processes, {clock.Elapsed.TotalSeconds:0.0} s",
            .. kills,
            $"starts: {load.TransientFailures} attempts without an answer were sent again; {load.Replays} acknowledgements were replays of a committed start",
            $"webhooks: {expectedHooks.Count} messages, {received.Count} requests, {refused} refused once (503) then retried, "
                + $"{accepted} accepted (duplicates {accepted - expectedHooks.Count}, each under its original id)",
        ]);
    }

    /// <summary>Contiguous sequence numbers, and each activity started and completed exactly once (each wait also suspended and resumed once).</summary>
    private static void AssertJournal(string instanceId, List<JsonObject> journal)
    {
        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(e => e["sequence"]!.GetValue<long>()));
        var counts = journal.GroupBy(e => (Activity: e["activityId"]?.GetValue<string>() ?? "-", Event: e["event"]!.GetValue<string>()))
            .ToDictionary(g => g.Key, g => g.Count());
        var expected = new Dictionary<(string Activity, string Event), int> { [("-", "WorkflowStarted")] = 1, [("-", "WorkflowFinished")] = 1 };
        foreach (var activity in ReliabilityWorkflows.BurstActivities)
        {
            expected[(activity, "ActivityStarted")] = 1;
            expected[(activity, "ActivityCompleted")] = 1;
            if (activity.StartsWith("wait", StringComparison.Ordinal))
            {
                expected[(activity, "ActivitySuspended")] = 1;
                expected[(activity, "ActivityResumed")] = 1;
            }
        }

        Assert.True(expected.Count == counts.Count && expected.All(e => counts.GetValueOrDefault(e.Key) == e.Value),
            $"Instance {instanceId} journal: {string.Join(", ", counts.Select(c => $"{c.Key.Activity}/{c.Key.Event}={c.Value}"))}");
    }

    private static void Report(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
    }
}
