using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Definitions;

[Collection(ServerCollection.Name)]
public sealed class DefinitionEndpointTests(ServerFixture server)
{
    private const string Base = "/api/workflow-definitions";
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Saving_a_new_definition_creates_a_draft_version_1_and_saving_again_updates_that_draft()
    {
        var id = Ids.New("save");

        var created = await _client.PostJsonAsync(Base, Workflows.Finishing(id, "first").Json);
        var first = await created.ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal($"{Base}/{id}?version=1", created.Headers.Location?.OriginalString);
        Assert.Equal(id, first["definitionId"]!.GetValue<string>());
        Assert.Equal(1, first["version"]!.GetValue<int>());
        Assert.Equal("draft", first["status"]!.GetValue<string>());
        Assert.False(first["isPublished"]!.GetValue<bool>());
        Assert.True(first["isLatest"]!.GetValue<bool>());
        Assert.Equal(id, first["definition"]!["definitionId"]!.GetValue<string>());

        var updated = await (await _client.PostJsonAsync(Base, Workflows.Finishing(id, "second").Version(7).Json)).ReadObjectAsync(HttpStatusCode.OK);
        Assert.Equal(1, updated["version"]!.GetValue<int>());
        Assert.Equal(1, updated["definition"]!["version"]!.GetValue<int>());
        Assert.NotEqual(first["contentHash"]!.GetValue<string>(), updated["contentHash"]!.GetValue<string>());
        Assert.Equal("second", updated["definition"]!["root"]!["activities"]![1]!["inputs"]!["value"]!["expression"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Get_selects_latest_published_or_a_number_and_versions_lists_them_newest_first()
    {
        var id = Ids.New("get");
        await _client.PostJsonAsync($"{Base}/import?publish=true", Workflows.Finishing(id, "v1").Json);
        await _client.PostJsonAsync(Base, Workflows.Finishing(id, "v2").Json);

        var latest = await _client.GetObjectAsync($"{Base}/{id}");
        Assert.Equal(2, latest["version"]!.GetValue<int>());
        Assert.Equal("draft", latest["status"]!.GetValue<string>());
        Assert.True(latest["isLatest"]!.GetValue<bool>());

        var published = await _client.GetObjectAsync($"{Base}/{id}?version=published");
        Assert.Equal(1, published["version"]!.GetValue<int>());
        Assert.Equal("published", published["status"]!.GetValue<string>());
        Assert.True(published["isPublished"]!.GetValue<bool>());
        Assert.False(published["isLatest"]!.GetValue<bool>());
        Assert.NotNull(published["publishedAt"]);

        Assert.Equal(2, (await _client.GetObjectAsync($"{Base}/{id}?version=latest"))["version"]!.GetValue<int>());
        Assert.Equal(1, (await _client.GetObjectAsync($"{Base}/{id}?version=1"))["version"]!.GetValue<int>());

        var versions = (await (await _client.GetAsync($"{Base}/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal([2, 1], versions.Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(["draft", "published"], versions.Select(v => v!["status"]!.GetValue<string>()));
        Assert.All(versions, v => Assert.Null(v!["definition"]));
    }

    [Fact]
    public async Task Get_and_versions_of_unknown_definitions_and_versions_are_404_and_a_bad_selector_is_400()
    {
        var id = Ids.New("missing");
        var unknown = await (await _client.GetAsync($"{Base}/{id}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains(id, unknown["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await (await _client.GetAsync($"{Base}/{id}/versions", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        await _client.PostJsonAsync(Base, Workflows.Finishing(id).Json);
        var noVersion = await (await _client.GetAsync($"{Base}/{id}?version=9", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("no version 9", noVersion["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var noPublished = await (await _client.GetAsync($"{Base}/{id}?version=published", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        Assert.Contains("no published version", noPublished["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var bad = await (await _client.GetAsync($"{Base}/{id}?version=newest", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("version", bad["errors"]![0]!["parameter"]!.GetValue<string>());
        await (await _client.GetAsync($"{Base}/{id}?version=0", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
    }

    [Fact]
    public async Task The_list_summarises_each_definition_and_search_filters_by_id_name_and_description()
    {
        var id = Ids.New("listed");
        var flow = Workflows.Finishing(id).ToJsonObject();
        flow["name"] = "Router for Printer Outages";
        flow["description"] = "Escalates broken printers";
        await _client.PostJsonAsync($"{Base}/import?publish=true", flow);
        await _client.PostJsonAsync(Base, flow);

        var all = (await (await _client.GetAsync(Base, ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        var summary = Assert.Single(all, s => s!["definitionId"]!.GetValue<string>() == id)!;
        Assert.Equal("Router for Printer Outages", summary["name"]!.GetValue<string>());
        Assert.Equal("Escalates broken printers", summary["description"]!.GetValue<string>());
        Assert.Equal(2, summary["latestVersion"]!.GetValue<int>());
        Assert.Equal(1, summary["publishedVersion"]!.GetValue<int>());
        Assert.Equal(2, summary["versionCount"]!.GetValue<int>());
        Assert.NotNull(summary["updatedAt"]);

        foreach (var search in new[] { "printer outages", "BROKEN PRINTERS", id[..10] })
        {
            var found = (await (await _client.GetAsync($"{Base}?search={Uri.EscapeDataString(search)}", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
            Assert.Contains(found, s => s!["definitionId"]!.GetValue<string>() == id);
        }

        var none = (await (await _client.GetAsync($"{Base}?search=no-such-workflow-anywhere", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Empty(none);
    }

    [Fact]
    public async Task Publishing_makes_one_version_published_and_an_explicit_version_can_be_published_again()
    {
        var id = Ids.New("publish");
        await _client.PostJsonAsync(Base, Workflows.Finishing(id, "v1").Json);

        var v1 = await (await _client.PostEmptyAsync($"{Base}/{id}/publish")).ReadObjectAsync();
        Assert.Equal(1, v1["version"]!.GetValue<int>());
        Assert.Equal("published", v1["status"]!.GetValue<string>());

        await _client.PostJsonAsync(Base, Workflows.Finishing(id, "v2").Json);
        var v2 = await (await _client.PostJsonAsync($"{Base}/{id}/publish", """{ "version": 2 }""")).ReadObjectAsync();
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        var versions = (await (await _client.GetAsync($"{Base}/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Equal(["published", "retracted"], versions.Select(v => v!["status"]!.GetValue<string>()));

        var back = await (await _client.PostJsonAsync($"{Base}/{id}/publish", """{ "version": 1 }""")).ReadObjectAsync();
        Assert.Equal(1, back["version"]!.GetValue<int>());
        Assert.Equal(1, (await _client.GetObjectAsync($"{Base}/{id}?version=published"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Publish_errors_unknown_definition_or_version_404_bad_body_400()
    {
        var id = Ids.New("publish-errors");
        await (await _client.PostEmptyAsync($"{Base}/{id}/publish")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await _client.PostJsonAsync(Base, Workflows.Finishing(id).Json);
        await (await _client.PostJsonAsync($"{Base}/{id}/publish", """{ "version": 5 }""")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        var wrongType = await (await _client.PostJsonAsync($"{Base}/{id}/publish", """{ "version": "two" }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-type");
        Assert.Equal("/version", wrongType.Errors()[0].Pointer);
        var zero = await (await _client.PostJsonAsync($"{Base}/{id}/publish", """{ "version": 0 }""")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-value");
        Assert.Equal("/version", zero.Errors()[0].Pointer);
        await (await _client.PostJsonAsync($"{Base}/{id}/publish", """{ "version": """)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-json");
    }

    [Fact]
    public async Task Publishing_validates_the_version_again()
    {
        // A version stored without validation (as after an activity type was removed from the registry).
        var id = Ids.New("stale");
        var store = server.Factory.Services.GetRequiredService<IWorkflowDefinitionStore>();
        var stale = WorkflowJson.Deserialize<WorkflowDefinition>(new Flow(id).Add("start", "Start").Add("gone", "Removed.Activity").Chain("start", "gone").Json)!;
        await store.SaveAsync(stale, user: null, ApiCalls.Token);

        var problem = await (await _client.PostEmptyAsync($"{Base}/{id}/publish")).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "definition-invalid");

        Assert.Contains(problem.Errors(), e => e.Pointer == "/root/activities/1/type" && e.Code == "unknown-activity-type");
        Assert.Equal("draft", (await _client.GetObjectAsync($"{Base}/{id}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Retract_unpublishes_and_retracting_again_is_a_409()
    {
        var id = Ids.New("retract");
        await _client.PostJsonAsync($"{Base}/import?publish=true", Workflows.Finishing(id).Json);

        var retracted = await (await _client.PostEmptyAsync($"{Base}/{id}/retract")).ReadObjectAsync();
        Assert.Equal("retracted", retracted["status"]!.GetValue<string>());
        Assert.False(retracted["isPublished"]!.GetValue<bool>());
        await (await _client.GetAsync($"{Base}/{id}?version=published", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound);
        var start = await _client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = id });
        await start.AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        await (await _client.PostEmptyAsync($"{Base}/{id}/retract")).AssertProblemAsync(HttpStatusCode.Conflict, "definition-conflict");
        await (await _client.PostEmptyAsync($"{Base}/{Ids.New("nothing")}/retract")).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Only_a_never_published_version_can_be_deleted()
    {
        var id = Ids.New("delete");
        await _client.PostJsonAsync($"{Base}/import?publish=true", Workflows.Finishing(id, "v1").Json);
        await _client.PostJsonAsync(Base, Workflows.Finishing(id, "v2").Json);

        var published = await (await _client.DeleteAsync($"{Base}/{id}/versions/1", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Conflict, "definition-conflict");
        Assert.Contains("published", published["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        var deleted = await _client.DeleteAsync($"{Base}/{id}/versions/2", ApiCalls.Token);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var latest = await _client.GetObjectAsync($"{Base}/{id}");
        Assert.Equal(1, latest["version"]!.GetValue<int>());
        Assert.True(latest["isLatest"]!.GetValue<bool>());

        await (await _client.DeleteAsync($"{Base}/{id}/versions/2", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");

        // Retracted is still "was published": it cannot be deleted either.
        await _client.PostEmptyAsync($"{Base}/{id}/retract");
        await (await _client.DeleteAsync($"{Base}/{id}/versions/1", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Conflict, "definition-conflict");
    }

    [Fact]
    public async Task Diff_lists_added_removed_and_changed_activities_and_connections()
    {
        var id = Ids.New("diff");
        var v1 = new Flow(id)
            .Add("start", "Start")
            .Add("wait", "Delay", Literal("duration", "PT1H"))
            .Add("log", "Log", Template("message", "hello"))
            .Add("end", "End")
            .Chain("start", "wait", "log", "end");
        var v2 = new Flow(id)
            .Add("start", "Start")
            .Add("wait", "Delay", new JsonObject { ["name"] = "Wait a day" }, Literal("duration", "P1D"))
            .Add("notify", "Log", Template("message", "escalated"))
            .Add("end", "End")
            .Chain("start", "wait", "notify", "end");
        await _client.PostJsonAsync($"{Base}/import?publish=true", v1.Json);
        await _client.PostJsonAsync(Base, v2.Json);

        var diff = await _client.GetObjectAsync($"{Base}/{id}/diff?from=1&to=latest");

        Assert.Equal(1, diff["fromVersion"]!.GetValue<int>());
        Assert.Equal(2, diff["toVersion"]!.GetValue<int>());
        Assert.True(diff["hasChanges"]!.GetValue<bool>());
        Assert.Equal("notify", diff["addedActivities"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("log", diff["removedActivities"]![0]!["id"]!.GetValue<string>());
        var changed = Assert.Single(diff["changedActivities"]!.AsArray())!;
        Assert.Equal("wait", changed["id"]!.GetValue<string>());
        Assert.Equal(["name", "inputs.duration"], changed["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(["wait->notify", "notify->end"], diff["addedConnections"]!.AsArray().Select(c => $"{c!["sourceActivity"]}->{c["targetActivity"]}"));
        Assert.Equal(["wait->log", "log->end"], diff["removedConnections"]!.AsArray().Select(c => $"{c!["sourceActivity"]}->{c["targetActivity"]}"));
        Assert.Equal("Done", diff["addedConnections"]![0]!["sourcePort"]!.GetValue<string>());

        var same = await _client.GetObjectAsync($"{Base}/{id}/diff?from=published&to=1");
        Assert.False(same["hasChanges"]!.GetValue<bool>());

        var missing = await (await _client.GetAsync($"{Base}/{id}/diff?to=2", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("from", missing["errors"]![0]!["parameter"]!.GetValue<string>());
        await (await _client.GetAsync($"{Base}/{id}/diff?from=1&to=3", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await _client.GetAsync($"{Base}/{id}/export?version=x", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        var badPublish = await (await _client.PostEmptyAsync($"{Base}/import?publish=maybe")).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("publish", badPublish["errors"]![0]!["parameter"]!.GetValue<string>());
    }

    [Fact]
    public async Task Export_downloads_the_definition_file_and_import_brings_it_back_unchanged()
    {
        var id = Ids.New("export");
        var original = Workflows.Waiting(id, "ticket.closed").ToJsonObject();
        original["description"] = "Round trip";
        original["options"] = new JsonObject { ["incidentStrategy"] = "continue" };
        var saved = await (await _client.PostJsonAsync($"{Base}/import?publish=true", original)).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("published", saved["status"]!.GetValue<string>());

        var export = await _client.GetAsync($"{Base}/{id}/export?version=published", ApiCalls.Token);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{id}.v1.json", export.Content.Headers.ContentDisposition?.FileNameStar ?? export.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = await export.Content.ReadAsStringAsync(ApiCalls.Token);
        var exported = JsonNode.Parse(file)!;
        Assert.True(JsonNode.DeepEquals(saved["definition"], exported), file);
        Assert.False(exported.AsObject().ContainsKey("incidentStrategy"));

        // The file imports into another id as the same definition.
        var copyId = Ids.New("imported");
        var copy = exported.DeepClone().AsObject().Also(d => d["definitionId"] = copyId);
        var imported = await (await _client.PostJsonAsync($"{Base}/import", copy)).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal("draft", imported["status"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(copy, imported["definition"]));

        // Imported again into its own id it becomes version 2 with no change.
        var again = await (await _client.PostJsonAsync($"{Base}/import?publish=true", file)).ReadObjectAsync(HttpStatusCode.Created);
        Assert.Equal(2, again["version"]!.GetValue<int>());
        Assert.Equal("published", again["status"]!.GetValue<string>());
        var diff = await _client.GetObjectAsync($"{Base}/{id}/diff?from=1&to=2");
        Assert.False(diff["hasChanges"]!.GetValue<bool>());

        await (await _client.GetAsync($"{Base}/{Ids.New("none")}/export", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Validate_answers_200_with_every_error_and_its_pointer()
    {
        var valid = await (await _client.PostJsonAsync($"{Base}/validate", Workflows.Finishing(Ids.New("valid")).Json)).ReadObjectAsync();
        Assert.True(valid["valid"]!.GetValue<bool>());
        Assert.Empty(valid["errors"]!.AsArray());

        var broken = new Flow(Ids.New("broken"))
            .Add("start", "Start")
            .Add("mystery", "Teleport")
            .Add("wait", "Delay")
            .Chain("start", "mystery")
            .Connect("start", "nowhere")
            .Json;
        var invalid = await (await _client.PostJsonAsync($"{Base}/validate", broken)).ReadObjectAsync();
        Assert.False(invalid["valid"]!.GetValue<bool>());
        var errors = invalid["errors"]!.AsArray().Select(e => (Pointer: e!["pointer"]!.GetValue<string>(), Code: e["code"]!.GetValue<string>())).ToList();
        Assert.Contains(("/root/activities/1/type", "unknown-activity-type"), errors);
        Assert.Contains(("/root/activities/2/inputs", "missing-required-input"), errors);
        Assert.Contains(("/root/connections/1/target/activity", "dangling-connection"), errors);

        var malformed = await (await _client.PostJsonAsync($"{Base}/validate", "{ \"definitionId\": ")).ReadObjectAsync();
        Assert.False(malformed["valid"]!.GetValue<bool>());
        Assert.Equal("invalid-json", malformed["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Contains("line 1", malformed["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // Nothing was saved by validating.
        await (await _client.GetAsync($"{Base}/{JsonNode.Parse(broken)!["definitionId"]}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
