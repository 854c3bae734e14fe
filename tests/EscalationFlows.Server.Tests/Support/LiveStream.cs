using System.Net;
using System.Text.Json.Nodes;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>
/// A client's open <c>GET /api/live</c> stream, read event by event (<c>event:</c> and <c>data:</c> lines). Open it with
/// <see cref="OpenAsync"/>, which returns once the server sent <c>ready</c>: every change committed after that arrives.
/// </summary>
public sealed class LiveStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private LiveStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public static async Task<LiveStream> OpenAsync(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/live");
        request.Headers.Accept.ParseAdd("text/event-stream");
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ApiCalls.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = new LiveStream(response, new StreamReader(await response.Content.ReadAsStreamAsync(ApiCalls.Token)));
        var (name, _) = await stream.NextEventAsync();
        Assert.Equal("ready", name);
        return stream;
    }

    /// <summary>The next <c>change</c> event's data ({ type, id, status }), skipping pings.</summary>
    public async Task<JsonObject> NextChangeAsync()
    {
        while (true)
        {
            var (name, data) = await NextEventAsync();
            if (name == "change")
            {
                return data;
            }
        }
    }

    /// <summary>Reads changes until one matches; returns it and everything read before it.</summary>
    public async Task<(JsonObject Match, IReadOnlyList<JsonObject> Before)> NextChangeAsync(string type, string id, string status)
    {
        var before = new List<JsonObject>();
        while (true)
        {
            var change = await NextChangeAsync();
            if (change["type"]!.GetValue<string>() == type && change["id"]!.GetValue<string>() == id && change["status"]!.GetValue<string>() == status)
            {
                return (change, before);
            }

            before.Add(change);
        }
    }

    private async Task<(string Name, JsonObject Data)> NextEventAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ApiCalls.Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        string? name = null;
        string? data = null;
        while (true)
        {
            var line = await _reader.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException("The live stream ended.");
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    return (name ?? "message", JsonNode.Parse(data)!.AsObject());
                }

                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                name = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = line["data:".Length..].Trim();
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
