using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace EscalationFlows.Reliability.Tests.Support;

/// <summary>The few API calls the tests make, over a client that tolerates a server that was just killed.</summary>
public static class Api
{
    /// <summary>
    /// A client that authenticates with <paramref name="apiKey"/>, whose pooled connections never outlive a killed server by
    /// long, with a request deadline.
    /// </summary>
    public static HttpClient CreateClient(Uri baseAddress, string apiKey)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(2),
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode body, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonObject> GetObjectAsync(this HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>How many instances of a definition have a status (the list's total count).</summary>
    public static async Task<long> CountAsync(this HttpClient client, string definitionId, string status) =>
        (await client.GetObjectAsync($"api/workflow-instances?definitionId={Uri.EscapeDataString(definitionId)}&status={status}&pageSize=1"))["totalCount"]!.GetValue<long>();

    /// <summary>The whole journal of an instance.</summary>
    public static async Task<List<JsonObject>> JournalAsync(this HttpClient client, string instanceId)
    {
        var entries = new List<JsonObject>();
        long after = 0;
        while (true)
        {
            var page = await client.GetObjectAsync($"api/workflow-instances/{Uri.EscapeDataString(instanceId)}/journal?after={after}&max=1000");
            var batch = page["entries"]!.AsArray().Select(e => e!.AsObject()).ToList();
            if (batch.Count == 0)
            {
                return entries;
            }

            entries.AddRange(batch);
            after = batch[^1]["sequence"]!.GetValue<long>();
        }
    }

    /// <summary>Whether a failed call is the kind a killed or restarting server causes (retry it with the same key).</summary>
    public static bool IsTransient(Exception exception) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested);
}
