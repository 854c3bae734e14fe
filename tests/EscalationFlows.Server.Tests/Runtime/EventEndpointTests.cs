using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;

namespace EscalationFlows.Server.Tests.Runtime;

[Collection(ServerCollection.Name)]
public sealed class EventEndpointTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    private async Task PublishAsync(Flow flow) =>
        await (await _client.PostJsonAsync("/api/workflow-definitions/import?publish=true", flow.Json)).ReadObjectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task An_event_starts_the_triggered_workflow_and_resumes_the_waiting_one_with_its_correlation_id()
    {
        var eventName = Ids.New("ticket.opened");
        var triggered = Ids.New("on-event");
        var waiting = Ids.New("waits-event");
        await PublishAsync(Workflows.Triggered(triggered, eventName));
        await PublishAsync(Workflows.Waiting(waiting, eventName));
        var mine = await (await _client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = waiting, ["correlationId"] = "T-100" })).ReadObjectAsync(HttpStatusCode.Created);
        var other = await (await _client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = waiting, ["correlationId"] = "T-200" })).ReadObjectAsync(HttpStatusCode.Created);

        var result = await (await _client.PostJsonAsync($"/api/events/{eventName}", """{ "correlationId": "T-100", "payload": { "ticket": "T-100" } }""")).ReadObjectAsync();

        var resumed = Assert.Single(result["resumed"]!.AsArray())!;
        Assert.Equal(mine["id"]!.GetValue<string>(), resumed["id"]!.GetValue<string>());
        Assert.Equal("Finished", resumed["status"]!.GetValue<string>());
        Assert.Equal("T-100", resumed["output"]!["payload"]!["ticket"]!.GetValue<string>());
        var started = Assert.Single(result["started"]!.AsArray())!;
        Assert.Equal(triggered, started["definitionId"]!.GetValue<string>());
        Assert.True(started["status"]!.GetValue<string>() == "Finished", started.ToJsonString());
        Assert.Equal("T-100", started["correlationId"]!.GetValue<string>());
        Assert.Equal("T-100", started["output"]!["result"]!.GetValue<string>());

        Assert.Equal("Suspended", (await _client.GetObjectAsync($"/api/workflow-instances/{other["id"]}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_event_nobody_waits_for_does_nothing_and_a_retracted_trigger_no_longer_starts()
    {
        var nothing = await (await _client.PostEmptyAsync($"/api/events/{Ids.New("nobody.listens")}")).ReadObjectAsync();
        Assert.Empty(nothing["resumed"]!.AsArray());
        Assert.Empty(nothing["started"]!.AsArray());

        var eventName = Ids.New("retracted.event");
        var triggered = Ids.New("retracted-trigger");
        await PublishAsync(Workflows.Triggered(triggered, eventName));
        await (await _client.PostEmptyAsync($"/api/workflow-definitions/{triggered}/retract")).ReadObjectAsync();
        var after = await (await _client.PostJsonAsync($"/api/events/{eventName}", """{ "payload": { "ticket": "x" } }""")).ReadObjectAsync();
        Assert.Empty(after["started"]!.AsArray());

        var tooLong = await (await _client.PostEmptyAsync($"/api/events/{new string('e', 201)}")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("eventName", tooLong["errors"]![0]!["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_idempotency_key_does_not_start_a_triggered_workflow_twice()
    {
        var eventName = Ids.New("idem.event");
        var triggered = Ids.New("idem-trigger");
        await PublishAsync(Workflows.Triggered(triggered, eventName));
        var key = Guid.NewGuid().ToString();

        var first = await (await _client.PostJsonAsync($"/api/events/{eventName}", """{ "payload": { "ticket": "A" } }""", key)).ReadObjectAsync();
        var second = await (await _client.PostJsonAsync($"/api/events/{eventName}", """{ "payload": { "ticket": "A" } }""", key)).ReadObjectAsync();

        Assert.Equal(first["started"]![0]!["id"]!.GetValue<string>(), second["started"]![0]!["id"]!.GetValue<string>());
        Assert.True(second["started"]![0]!["replayed"]!.GetValue<bool>());
        Assert.Equal(1, (await _client.GetObjectAsync($"/api/workflow-instances?definitionId={triggered}"))["totalCount"]!.GetValue<int>());
    }
}
