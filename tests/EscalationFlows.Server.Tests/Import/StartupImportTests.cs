using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Server.Import;
using EscalationFlows.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Server.Tests.Import;

public sealed class StartupImportTests
{
    private const string Definitions = "/api/workflow-definitions";

    private static async Task WriteAsync(ServerFactory factory, string file, string json) =>
        await File.WriteAllTextAsync(Path.Combine(factory.ImportFolder, file), json, ApiCalls.Token);

    /// <summary>The importer's messages at a level, without the quotes Serilog puts around string values.</summary>
    private static IEnumerable<string> Messages(ServerFactory factory, LogLevel level) =>
        factory.Logs.Entries.Where(e => e.Level == level && e.Category.EndsWith(nameof(WorkflowImporter), StringComparison.Ordinal))
            .Select(e => e.Message.Replace("\"", string.Empty, StringComparison.Ordinal));

    [Fact]
    public async Task New_files_are_published_and_invalid_ones_are_logged_with_every_error_while_the_rest_still_imports()
    {
        await using var factory = new ServerFactory();
        var good = Ids.New("shipped");
        await WriteAsync(factory, "a-good.json", Workflows.Finishing(good).Json);
        await WriteAsync(factory, "b-broken.json", new Flow(Ids.New("broken")).Add("start", "Start").Add("x", "Teleport").Chain("start", "x").Connect("start", "ghost").Json);
        await WriteAsync(factory, "c-malformed.json", "{ \"definitionId\": ");
        await WriteAsync(factory, "notes.txt", "not a workflow");
        using var client = factory.CreateClient();

        var published = await client.GetObjectAsync($"{Definitions}/{good}?version=published");
        Assert.Equal(1, published["version"]!.GetValue<int>());
        Assert.Equal("published", published["status"]!.GetValue<string>());

        var errors = Messages(factory, LogLevel.Error).ToList();
        Assert.Contains(errors, m => m.Contains("b-broken.json", StringComparison.Ordinal) && m.Contains("/root/activities/1/type", StringComparison.Ordinal) && m.Contains("unknown-activity-type", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("b-broken.json", StringComparison.Ordinal) && m.Contains("/root/connections/1/target/activity", StringComparison.Ordinal));
        Assert.Contains(errors, m => m.Contains("c-malformed.json", StringComparison.Ordinal) && m.Contains("invalid-json", StringComparison.Ordinal) && m.Contains("line 1", StringComparison.Ordinal));
        Assert.Contains(Messages(factory, LogLevel.Information), m => m.Contains($"Imported new workflow {good}", StringComparison.Ordinal));
        Assert.Contains(Messages(factory, LogLevel.Information), m => m.Contains("1 new, 0 changed, 0 unchanged, 2 rejected", StringComparison.Ordinal));
        var list = (await (await client.GetAsync(Definitions, ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray();
        Assert.Single(list);
    }

    [Fact]
    public async Task A_changed_file_becomes_a_new_published_version_and_an_identical_one_changes_nothing()
    {
        await using var factory = new ServerFactory();
        var id = Ids.New("evolving");
        await WriteAsync(factory, "flow.json", Workflows.Finishing(id, "v1").Json);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<WorkflowImporter>();

        // Same definition, other formatting, other property order and another version number: unchanged.
        var reordered = JsonNode.Parse(Workflows.Finishing(id, "v1").Json)!.AsObject();
        reordered["version"] = 42;
        var shuffled = new JsonObject(reordered.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        await WriteAsync(factory, "flow.json", shuffled.ToJsonString(new() { WriteIndented = true }));
        var unchanged = await importer.ImportAsync(ApiCalls.Token);
        Assert.Equal(WorkflowImportAction.Unchanged, Assert.Single(unchanged.Outcomes).Action);
        Assert.Single((await (await client.GetAsync($"{Definitions}/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray());

        await WriteAsync(factory, "flow.json", Workflows.Finishing(id, "v2").Json);
        var changed = await importer.ImportAsync(ApiCalls.Token);
        var outcome = Assert.Single(changed.Outcomes);
        Assert.Equal((WorkflowImportAction.Updated, 2), (outcome.Action, outcome.Version));
        var published = await client.GetObjectAsync($"{Definitions}/{id}?version=published");
        Assert.Equal(2, published["version"]!.GetValue<int>());
        Assert.Contains(Messages(factory, LogLevel.Information), m => m.Contains($"{id} version 2 published (previously published: 1)", StringComparison.Ordinal));

        var again = await importer.ImportAsync(ApiCalls.Token);
        Assert.Equal(WorkflowImportAction.Unchanged, Assert.Single(again.Outcomes).Action);
        Assert.Equal(2, (await (await client.GetAsync($"{Definitions}/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray().Count);
    }

    [Fact]
    public async Task A_retracted_identical_workflow_stays_retracted_and_a_draft_is_replaced_with_a_warning()
    {
        await using var factory = new ServerFactory();
        var retracted = Ids.New("retracted");
        var drafted = Ids.New("drafted");
        await WriteAsync(factory, "retracted.json", Workflows.Finishing(retracted).Json);
        await WriteAsync(factory, "drafted.json", Workflows.Finishing(drafted, "file").Json);
        using var client = factory.CreateClient();
        var importer = factory.Services.GetRequiredService<WorkflowImporter>();

        await (await client.PostEmptyAsync($"{Definitions}/{retracted}/retract")).ReadObjectAsync();
        await (await client.PostJsonAsync(Definitions, Workflows.Finishing(drafted, "draft in the studio").Json)).ReadObjectAsync(HttpStatusCode.Created);
        await WriteAsync(factory, "drafted.json", Workflows.Finishing(drafted, "file, edited").Json);

        var report = await importer.ImportAsync(ApiCalls.Token);

        Assert.Equal(WorkflowImportAction.Unchanged, report.Outcomes.Single(o => o.DefinitionId == retracted).Action);
        await (await client.GetAsync($"{Definitions}/{retracted}?version=published", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((WorkflowImportAction.Updated, 2), report.Outcomes.Single(o => o.DefinitionId == drafted) is var d ? (d.Action, d.Version) : default);
        Assert.Contains(Messages(factory, LogLevel.Warning), m => m.Contains($"replaces the unpublished draft version 2 of {drafted}", StringComparison.Ordinal));
        Assert.Equal("published", (await client.GetObjectAsync($"{Definitions}/{drafted}"))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_files_with_the_same_definition_id_import_the_first_and_reject_the_second()
    {
        await using var factory = new ServerFactory();
        var id = Ids.New("twice");
        await WriteAsync(factory, "1.json", Workflows.Finishing(id, "first").Json);
        await WriteAsync(factory, "2.json", Workflows.Finishing(id, "second").Json);
        using var client = factory.CreateClient();

        var published = await client.GetObjectAsync($"{Definitions}/{id}?version=published");

        Assert.Equal(1, published["version"]!.GetValue<int>());
        Assert.Equal("first", published["definition"]!["root"]!["activities"]![1]!["inputs"]!["value"]!["expression"]!["value"]!.GetValue<string>());
        Assert.Contains(Messages(factory, LogLevel.Error), m => m.Contains("2.json", StringComparison.Ordinal) && m.Contains("1.json already defines", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_import_folder_is_logged_and_skipped()
    {
        await using var factory = new ServerFactory(new Dictionary<string, string?> { ["Workflows:ImportPath"] = "/nonexistent/escalationflows/workflows" });
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ApiCalls.Token)).StatusCode);
        Assert.Contains(Messages(factory, LogLevel.Information), m => m.Contains("No workflow import folder /nonexistent/escalationflows/workflows", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Across_restarts_on_the_same_database_a_changed_file_is_a_new_version_and_an_unchanged_one_is_not()
    {
        var id = Ids.New("restart");
        var root = Directory.CreateTempSubdirectory("escalationflows-restart-").FullName;
        try
        {
            await using (var first = new ServerFactory(root: root))
            {
                await WriteAsync(first, "flow.json", Workflows.Finishing(id, "v1").Json);
                using var client = first.CreateClient();
                if (first.Services.GetRequiredService<IWorkflowStore>() is InMemoryWorkflowStore)
                {
                    Assert.Skip("The workflow store is still the in-memory placeholder, so nothing survives a restart; this test runs once the EF Core stores are registered.");
                }

                Assert.Equal(1, (await client.GetObjectAsync($"{Definitions}/{id}?version=published"))["version"]!.GetValue<int>());
            }

            await using (var second = new ServerFactory(root: root))
            {
                await WriteAsync(second, "flow.json", Workflows.Finishing(id, "v2").Json);
                using var client = second.CreateClient();
                Assert.Equal(2, (await client.GetObjectAsync($"{Definitions}/{id}?version=published"))["version"]!.GetValue<int>());
            }

            await using var third = new ServerFactory(root: root);
            using var thirdClient = third.CreateClient();
            Assert.Equal(2, (await (await thirdClient.GetAsync($"{Definitions}/{id}/versions", ApiCalls.Token)).ReadJsonAsync(HttpStatusCode.OK)).AsArray().Count);
            Assert.Contains(Messages(third, LogLevel.Information), m => m.Contains("0 new, 0 changed, 1 unchanged", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
