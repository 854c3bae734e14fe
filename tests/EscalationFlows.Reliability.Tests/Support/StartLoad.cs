using System.Net;
using System.Text.Json.Nodes;

namespace EscalationFlows.Reliability.Tests.Support;

/// <summary>
/// Starts <see cref="Count"/> instances over HTTP, each with its own <c>Idempotency-Key</c>, from a few concurrent
/// clients. A start that gets no answer (the server was killed mid-request) is sent again with the same key until it
/// is acknowledged, so each key yields exactly one instance whether or not the first attempt was committed.
/// </summary>
public sealed class StartLoad
{
    private readonly Func<HttpClient> _client;
    private readonly string _definitionId;
    private readonly Func<int, JsonObject> _input;
    private readonly string _keyPrefix;
    private int _acknowledged;
    private int _transientFailures;
    private int _replays;

    public StartLoad(Func<HttpClient> client, string definitionId, int count, Func<int, JsonObject> input)
    {
        _client = client;
        _definitionId = definitionId;
        _input = input;
        Count = count;
        InstanceIds = new string?[count];
        _keyPrefix = Guid.NewGuid().ToString("N")[..8];
    }

    public int Count { get; }

    /// <summary>The instance id acknowledged for each start, by index.</summary>
    public string?[] InstanceIds { get; }

    public int Acknowledged => Volatile.Read(ref _acknowledged);

    /// <summary>Attempts that failed in transport (connection refused or reset, no answer) and were sent again.</summary>
    public int TransientFailures => Volatile.Read(ref _transientFailures);

    /// <summary>Acknowledgements that were replays of an earlier, committed attempt (<c>Idempotent-Replayed: true</c>).</summary>
    public int Replays => Volatile.Read(ref _replays);

    public string Key(int index) => $"{_keyPrefix}-{index:0000}";

    public JsonObject Body(int index) => new() { ["definitionId"] = _definitionId, ["input"] = _input(index) };

    public async Task RunAsync(int concurrency, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < Count)
            {
                await StartOneAsync(index, deadline);
            }
        })));
    }

    private async Task StartOneAsync(int index, DateTime deadline)
    {
        while (true)
        {
            try
            {
                using var response = await _client().PostJsonAsync("api/workflow-instances", Body(index), Key(index));
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.Created, $"Start {index}: {(int)response.StatusCode} {text}");
                InstanceIds[index] = JsonNode.Parse(text)!["id"]!.GetValue<string>();
                if (response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"))
                {
                    Interlocked.Increment(ref _replays);
                }

                Interlocked.Increment(ref _acknowledged);
                return;
            }
            catch (Exception ex) when (Api.IsTransient(ex))
            {
                Interlocked.Increment(ref _transientFailures);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Start {index} was not acknowledged before the deadline.");
            }

            // The server is down or restarting: try again shortly (a poll, not a wait for something specific).
            await Task.Delay(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);
        }
    }
}
