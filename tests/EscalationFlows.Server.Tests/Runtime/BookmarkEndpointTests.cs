using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Runtime;

[Collection(ServerCollection.Name)]
public sealed class BookmarkEndpointTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task<(string InstanceId, string BookmarkId)> StartWaitingAsync(string eventName)
    {
        var id = Ids.New("bookmark");
        await (await _client.PostJsonAsync("/api/workflow-definitions/import?publish=true", Workflows.Waiting(id, eventName).Json)).ReadObjectAsync(HttpStatusCode.Created);
        var run = await (await _client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id })).ReadObjectAsync(HttpStatusCode.Created);
        return (run["id"]!.GetValue<string>(), run["bookmarks"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Resuming_hands_the_input_to_the_waiting_activity_and_a_second_resume_is_a_409()
    {
        var (instanceId, bookmarkId) = await StartWaitingAsync("resume.event");

        var run = await (await _client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", """{ "input": { "approved": true } }""")).ReadObjectAsync();

        Assert.Equal(instanceId, run["id"]!.GetValue<string>());
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        Assert.True(run["output"]!["payload"]!["approved"]!.GetValue<bool>());

        var again = await (await _client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", """{ "input": { "approved": false } }""")).AssertProblemAsync(HttpStatusCode.Conflict, "bookmark-conflict");
        Assert.Contains("already", again["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var again2 = await (await _client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", "{}", Guid.NewGuid().ToString())).AssertProblemAsync(HttpStatusCode.Conflict, "bookmark-conflict");
        Assert.Equal(again["detail"]!.GetValue<string>(), again2["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_replays_the_first_result()
    {
        var (instanceId, bookmarkId) = await StartWaitingAsync("replay.event");
        var key = Guid.NewGuid().ToString();

        var first = await (await _client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", """{ "input": { "n": 1 } }""", key)).ReadObjectAsync();
        var repeat = await _client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", """{ "input": { "n": 2 } }""", key);
        var second = await repeat.ReadObjectAsync();

        Assert.False(first["replayed"]!.GetValue<bool>());
        Assert.True(second["replayed"]!.GetValue<bool>());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(instanceId, second["id"]!.GetValue<string>());
        Assert.Equal(1, second["output"]!["payload"]!["n"]!.GetValue<int>());
        first.Remove("replayed");
        second.Remove("replayed");
        Assert.True(JsonNode.DeepEquals(first, second), $"{first} != {second}");

        var state = await _client.GetObjectAsync($"/api/workflow-instances/{instanceId}");
        Assert.Equal(1, state["output"]!["payload"]!["n"]!.GetValue<int>());
        Assert.Equal(1, state["activities"]!["set"]!["runs"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_unknown_bookmark_is_a_404_and_resuming_needs_no_body()
    {
        var unknown = await (await _client.PostJsonAsync("/api/bookmarks/no-such-bookmark/resume", "{}")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("no-such-bookmark", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var (_, bookmarkId) = await StartWaitingAsync("empty.event");
        var run = await (await _client.PostEmptyAsync($"/api/bookmarks/{bookmarkId}/resume")).ReadObjectAsync();
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Concurrent_resumes_of_one_bookmark_let_exactly_one_win_and_the_others_get_409()
    {
        var (instanceId, bookmarkId) = await StartWaitingAsync("race.event");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _client.PostJsonAsync($"/api/bookmarks/{bookmarkId}/resume", new JsonObject { ["input"] = new JsonObject { ["n"] = i } })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        foreach (var loser in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
        {
            await loser.AssertProblemAsync(HttpStatusCode.Conflict, "bookmark-conflict");
        }

        var state = await _client.GetObjectAsync($"/api/workflow-instances/{instanceId}");
        Assert.Equal("Finished", state["status"]!.GetValue<string>());
        Assert.Equal(1, state["activities"]!["set"]!["runs"]!.GetValue<int>());
    }
}
