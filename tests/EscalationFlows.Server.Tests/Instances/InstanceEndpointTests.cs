using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Instances;

[Collection(ServerCollection.Name)]
public sealed class InstanceEndpointTests(ServerFixture server)
{
    private const string Instances = "/api/workflow-instances";
    private readonly HttpClient _client = server.Client;

    private async Task PublishAsync(Flow flow) =>
        await (await _client.PostJsonAsync("/api/workflow-definitions/import?publish=true", flow.Json)).ReadObjectAsync(HttpStatusCode.Created);

    private async Task<JsonObject> StartAsync(JsonObject body, string? key = null) =>
        await (await _client.PostJsonAsync(Instances, body, key)).ReadObjectAsync(HttpStatusCode.Created);

    [Fact]
    public async Task Starting_runs_the_published_version_and_returns_the_run()
    {
        var id = Ids.New("start");
        await PublishAsync(Workflows.Finishing(id, "ok"));

        var response = await _client.PostJsonAsync(Instances, new JsonObject { ["definitionId"] = id, ["correlationId"] = "ticket-7" });
        var run = await response.ReadObjectAsync(HttpStatusCode.Created);

        var instanceId = run["id"]!.GetValue<string>();
        Assert.Equal($"{Instances}/{instanceId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Finished", run["status"]!.GetValue<string>());
        Assert.Equal(id, run["definitionId"]!.GetValue<string>());
        Assert.Equal(1, run["definitionVersion"]!.GetValue<int>());
        Assert.Equal("ticket-7", run["correlationId"]!.GetValue<string>());
        Assert.Equal("ok", run["output"]!["result"]!.GetValue<string>());
        Assert.Empty(run["bookmarks"]!.AsArray());
        Assert.Empty(run["incidents"]!.AsArray());
        Assert.False(run["replayed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_first_start_instead_of_starting_again()
    {
        var id = Ids.New("idem-start");
        await PublishAsync(Workflows.Waiting(id, "idem.start"));
        var key = Guid.NewGuid().ToString();

        var first = await StartAsync(new JsonObject { ["definitionId"] = id }, key);
        var repeat = await _client.PostJsonAsync(Instances, new JsonObject { ["definitionId"] = id }, key);
        var second = await repeat.ReadObjectAsync(HttpStatusCode.Created);

        Assert.Equal(first["id"]!.GetValue<string>(), second["id"]!.GetValue<string>());
        Assert.True(second["replayed"]!.GetValue<bool>());
        Assert.Equal("true", repeat.Headers.GetValues("Idempotent-Replayed").Single());
        var page = await _client.GetObjectAsync($"{Instances}?definitionId={id}");
        Assert.Equal(1, page["totalCount"]!.GetValue<int>());

        var other = await StartAsync(new JsonObject { ["definitionId"] = id }, Guid.NewGuid().ToString());
        Assert.NotEqual(first["id"]!.GetValue<string>(), other["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Start_errors_name_the_field()
    {
        var missing = await (await _client.PostJsonAsync(Instances, """{ "input": {} }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "required");
        Assert.Equal("/definitionId", missing.Errors()[0].Pointer);

        var notObject = await (await _client.PostJsonAsync(Instances, """{ "definitionId": "x", "input": [1], "version": 0 }""")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(notObject.Errors(), e => e.Pointer == "/input" && e.Code == "invalid-type");
        Assert.Contains(notObject.Errors(), e => e.Pointer == "/version" && e.Code == "invalid-value");

        var wrongType = await (await _client.PostJsonAsync(Instances, """{ "definitionId": 42 }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-type");
        Assert.Equal("/definitionId", wrongType.Errors()[0].Pointer);

        var unknown = await (await _client.PostJsonAsync(Instances, new JsonObject { ["definitionId"] = Ids.New("nope") })).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("no published version", unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var id = Ids.New("inputs");
        await PublishAsync(Workflows.Finishing(id).Inputs([
            new JsonObject { ["name"] = "ticket", ["type"] = "object", ["required"] = true },
            new JsonObject { ["name"] = "priority", ["type"] = "integer" },
        ]));
        var input = await (await _client.PostJsonAsync(Instances, new JsonObject { ["definitionId"] = id, ["input"] = new JsonObject { ["priority"] = "high" } }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "input-invalid");
        Assert.Contains(input.Errors(), e => e.Pointer == "/input/ticket" && e.Code == "invalid-input");
        Assert.Contains(input.Errors(), e => e.Pointer == "/input/priority" && e.Code == "invalid-input");
        await (await _client.PostJsonAsync(Instances, new JsonObject { ["definitionId"] = id, ["version"] = 9 })).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_list_is_paged_newest_first_and_filters_by_definition_status_and_correlation()
    {
        var waits = Ids.New("list-waits");
        var quick = Ids.New("list-quick");
        await PublishAsync(Workflows.Waiting(waits, "list.event"));
        await PublishAsync(Workflows.Finishing(quick));
        var started = new List<string>();
        foreach (var (definition, correlation) in new[] { (waits, "c-1"), (quick, "c-1"), (waits, "c-2"), (waits, "c-3") })
        {
            server.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            started.Add((await StartAsync(new JsonObject { ["definitionId"] = definition, ["correlationId"] = $"{waits}-{correlation}" }))["id"]!.GetValue<string>());
        }

        var all = await _client.GetObjectAsync($"{Instances}?definitionId={waits}");
        Assert.Equal([started[3], started[2], started[0]], all["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        Assert.Equal(3, all["totalCount"]!.GetValue<int>());
        Assert.Equal(1, all["page"]!.GetValue<int>());
        Assert.Equal(20, all["pageSize"]!.GetValue<int>());
        var item = all["items"]![0]!;
        Assert.Equal("Suspended", item["status"]!.GetValue<string>());
        Assert.Equal(1, item["definitionVersion"]!.GetValue<int>());
        Assert.NotNull(item["createdAt"]);

        var second = await _client.GetObjectAsync($"{Instances}?definitionId={waits}&page=2&pageSize=2");
        Assert.Equal([started[0]], second["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        var finished = await _client.GetObjectAsync($"{Instances}?status=finished&correlationId={waits}-c-1");
        Assert.Equal([started[1]], finished["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));
        var correlated = await _client.GetObjectAsync($"{Instances}?correlationId={waits}-c-1");
        Assert.Equal([started[1], started[0]], correlated["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()));

        var badStatus = await (await _client.GetAsync($"{Instances}?status=Sleeping", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("status", badStatus["errors"]![0]!["parameter"]!.GetValue<string>());
        await (await _client.GetAsync($"{Instances}?status=1", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await _client.GetAsync($"{Instances}?page=0", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await _client.GetAsync($"{Instances}?pageSize=501", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        var notNumber = await (await _client.GetAsync($"{Instances}?page=two", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("page", notNumber["errors"]![0]!["parameter"]!.GetValue<string>());
        Assert.Equal("'two' is not a valid 'page': it must be a whole number.", notNumber["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_returns_the_state_and_the_journal_reads_in_slices()
    {
        var id = Ids.New("state");
        await PublishAsync(Workflows.Waiting(id, "state.event").Inputs([new JsonObject { ["name"] = "ticket", ["type"] = "string" }]));
        var run = await StartAsync(new JsonObject { ["definitionId"] = id, ["input"] = new JsonObject { ["ticket"] = "T-1" } });
        var instanceId = run["id"]!.GetValue<string>();

        var state = await _client.GetObjectAsync($"{Instances}/{instanceId}");
        Assert.Equal(instanceId, state["id"]!.GetValue<string>());
        Assert.Equal("Suspended", state["status"]!.GetValue<string>());
        Assert.Equal(1, state["definitionVersion"]!.GetValue<int>());
        Assert.Equal("T-1", state["input"]!["ticket"]!.GetValue<string>());
        Assert.True(state["variables"]!.AsObject().ContainsKey("result"));
        Assert.Equal("Event", state["bookmarks"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal("wait", state["bookmarks"]![0]!["activityId"]!.GetValue<string>());
        Assert.Equal(1, state["activities"]!["start"]!["runs"]!.GetValue<int>());
        Assert.Equal(1, state["activities"]!["wait"]!["runs"]!.GetValue<int>());
        Assert.Empty(state["incidents"]!.AsArray());
        Assert.True(state["revision"]!.GetValue<long>() >= 1);

        var journal = await _client.GetObjectAsync($"{Instances}/{instanceId}/journal");
        var entries = journal["entries"]!.AsArray();
        Assert.NotEmpty(entries);
        Assert.Equal(entries[^1]!["sequence"]!.GetValue<long>(), journal["nextAfter"]!.GetValue<long>());
        var sequences = entries.Select(e => e!["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);

        var slice = await _client.GetObjectAsync($"{Instances}/{instanceId}/journal?after={sequences[0]}&max=1");
        Assert.Equal([sequences[1]], slice["entries"]!.AsArray().Select(e => e!["sequence"]!.GetValue<long>()));
        var end = await _client.GetObjectAsync($"{Instances}/{instanceId}/journal?after={sequences[^1]}");
        Assert.Empty(end["entries"]!.AsArray());
        Assert.Equal(sequences[^1], end["nextAfter"]!.GetValue<long>());

        await (await _client.GetAsync($"{Instances}/{instanceId}/journal?max=0", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await _client.GetAsync($"{Instances}/{instanceId}/journal?after=-1", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await _client.GetAsync($"{Instances}/no-such-instance", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.GetAsync($"{Instances}/no-such-instance/journal", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Cancel_ends_a_waiting_instance_and_a_second_cancel_is_a_409()
    {
        var id = Ids.New("cancel");
        await PublishAsync(Workflows.Waiting(id, "cancel.event"));
        var run = await StartAsync(new JsonObject { ["definitionId"] = id });
        var instanceId = run["id"]!.GetValue<string>();
        var bookmark = run["bookmarks"]![0]!["id"]!.GetValue<string>();

        var cancelled = await (await _client.PostJsonAsync($"{Instances}/{instanceId}/cancel", """{ "reason": "Customer withdrew." }""")).ReadObjectAsync();
        Assert.Equal("Cancelled", cancelled["status"]!.GetValue<string>());
        Assert.Empty(cancelled["bookmarks"]!.AsArray());

        await (await _client.PostEmptyAsync($"{Instances}/{instanceId}/cancel")).AssertProblemAsync(HttpStatusCode.Conflict);
        await (await _client.PostJsonAsync($"/api/bookmarks/{bookmark}/resume", "{}")).AssertProblemAsync(HttpStatusCode.Conflict, "bookmark-conflict");
        await (await _client.PostEmptyAsync($"{Instances}/no-such-instance/cancel")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Retry_reruns_the_failed_activity_of_a_faulted_instance_and_is_a_409_otherwise()
    {
        var id = Ids.New("retry");
        await PublishAsync(Workflows.Faulting(id));
        var run = await StartAsync(new JsonObject { ["definitionId"] = id });
        var instanceId = run["id"]!.GetValue<string>();
        Assert.Equal("Faulted", run["status"]!.GetValue<string>());
        Assert.Equal("Something broke.", run["incidents"]![0]!["message"]!.GetValue<string>());

        var retried = await (await _client.PostEmptyAsync($"{Instances}/{instanceId}/retry")).ReadObjectAsync();
        Assert.Equal("Faulted", retried["status"]!.GetValue<string>());
        var state = await _client.GetObjectAsync($"{Instances}/{instanceId}");
        // A retry is another attempt of the same run (ADR 0001): the run count stays, the fault count grows.
        Assert.Equal(1, state["activities"]!["boom"]!["runs"]!.GetValue<int>());
        Assert.Equal(2, state["activities"]!["boom"]!["faults"]!.GetValue<int>());

        var waiting = Ids.New("retry-waiting");
        await PublishAsync(Workflows.Waiting(waiting, "retry.event"));
        var suspended = await StartAsync(new JsonObject { ["definitionId"] = waiting });
        var conflict = await (await _client.PostEmptyAsync($"{Instances}/{suspended["id"]}/retry")).AssertProblemAsync(HttpStatusCode.Conflict, "instance-not-faulted");
        Assert.Contains("Suspended", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await _client.PostEmptyAsync($"{Instances}/no-such-instance/retry")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task An_instance_started_on_v1_stays_on_v1_after_v2_is_published_while_new_instances_use_v2()
    {
        var id = Ids.New("versions");
        await PublishAsync(Workflows.Waiting(id, "versions.event", "from v1"));
        var old = await StartAsync(new JsonObject { ["definitionId"] = id });
        Assert.Equal(1, old["definitionVersion"]!.GetValue<int>());

        await PublishAsync(Workflows.Waiting(id, "versions.event", "from v2"));
        var fresh = await StartAsync(new JsonObject { ["definitionId"] = id });
        Assert.Equal(2, fresh["definitionVersion"]!.GetValue<int>());
        var pinned = await StartAsync(new JsonObject { ["definitionId"] = id, ["version"] = 1 });
        Assert.Equal(1, pinned["definitionVersion"]!.GetValue<int>());

        var oldDone = await (await _client.PostJsonAsync($"/api/bookmarks/{old["bookmarks"]![0]!["id"]}/resume", "{}")).ReadObjectAsync();
        var freshDone = await (await _client.PostJsonAsync($"/api/bookmarks/{fresh["bookmarks"]![0]!["id"]}/resume", "{}")).ReadObjectAsync();

        Assert.Equal("from v1", oldDone["output"]!["result"]!.GetValue<string>());
        Assert.Equal(1, oldDone["definitionVersion"]!.GetValue<int>());
        Assert.Equal("from v2", freshDone["output"]!["result"]!.GetValue<string>());
        Assert.Equal(1, (await _client.GetObjectAsync($"/api/workflow-instances/{old["id"]}"))["definitionVersion"]!.GetValue<int>());
    }
}
