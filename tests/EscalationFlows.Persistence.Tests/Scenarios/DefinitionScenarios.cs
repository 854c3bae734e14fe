using EscalationFlows.Engine.Activities;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Definitions.Management;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.Stores;
using EscalationFlows.Persistence.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>Definition versions: the publishing rules of the in-memory store, concurrency, and the trigger index.</summary>
public abstract class DefinitionScenarios : ScenarioBase
{
    protected DefinitionScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    [Fact]
    public async Task Every_versioning_rule_behaves_exactly_as_in_the_in_memory_store()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        var reference = new InMemoryWorkflowDefinitionStore(node.Services.GetRequiredService<IActivityRegistry>(), env.Clock);
        Assert.IsType<EfWorkflowDefinitionStore>(node.Definitions);
        var a1 = node.Read(Flows.WaitForEvent("alpha", name: "Alpha 1"));
        var a2 = node.Read(Flows.WaitForEvent("alpha", "go-2", name: "Alpha 2"));
        var a3 = node.Read(Flows.Triggered("alpha", "alpha.created", name: "Alpha 3"));
        var b1 = node.Read(Flows.WaitForEvent("beta", name: "Beta"));

        // Each step runs on both stores; results and failures must be the same.
        var steps = new List<(string Name, Func<IWorkflowDefinitionStore, Task<object?>> Run)>
        {
            ("save alpha: v1 draft", s => Box(s.SaveAsync(a1, "ann", Ct))),
            ("save alpha again: v1 edited in place", s => Box(s.SaveAsync(a2, "bob", Ct))),
            ("publish latest", s => Box(s.PublishAsync("alpha", null, "ann", Ct))),
            ("save on published latest: v2 draft", s => Box(s.SaveAsync(a3, "cy", Ct))),
            ("save again: v2 edited in place", s => Box(s.SaveAsync(a1, "cy", Ct))),
            ("publish v2: v1 unpublished", s => Box(s.PublishAsync("alpha", 2, "ann", Ct))),
            ("retract v2", s => Box(s.RetractAsync("alpha", "ann", Ct))),
            ("retract with nothing published", s => Box(s.RetractAsync("alpha", "ann", Ct))),
            ("save on retracted latest: v3 draft", s => Box(s.SaveAsync(a2, null, Ct))),
            ("delete draft v3", s => Box(s.DeleteVersionAsync("alpha", 3, Ct))),
            ("delete once published v2", s => Box(s.DeleteVersionAsync("alpha", 2, Ct))),
            ("delete missing version", s => Box(s.DeleteVersionAsync("alpha", 9, Ct))),
            ("republish v1 keeps its first publishedAt", s => Box(s.PublishAsync("alpha", 1, "bob", Ct))),
            ("publish a missing version", s => Box(s.PublishAsync("alpha", 7, null, Ct))),
            ("publish a missing definition", s => Box(s.PublishAsync("nope", null, null, Ct))),
            ("retract a missing definition", s => Box(s.RetractAsync("nope", null, Ct))),
            ("save beta", s => Box(s.SaveAsync(b1, null, Ct))),
            ("list", s => Box(s.ListAsync(Ct))),
            ("versions of alpha", s => Box(s.GetVersionsAsync("alpha", Ct))),
            ("latest alpha", s => Box(s.GetLatestAsync("alpha", Ct))),
            ("published alpha", s => Box(s.GetPublishedAsync("alpha", Ct))),
            ("alpha v2", s => Box(s.GetVersionAsync("alpha", 2, Ct))),
            ("published beta (none)", s => Box(s.GetPublishedAsync("beta", Ct))),
            ("stored published alpha", s => Box(s.FindPublishedAsync("alpha", Ct))),
            ("stored alpha v2", s => Box(s.FindVersionAsync("alpha", 2, Ct))),
            ("delete the only draft of beta", s => Box(s.DeleteVersionAsync("beta", 1, Ct))),
            ("versions of deleted beta", s => Box(s.GetVersionsAsync("beta", Ct))),
            ("list without beta", s => Box(s.ListAsync(Ct))),
            ("triggers of the published version only", s => Box(s.FindEventTriggersAsync("ALPHA.CREATED", Ct))),
        };

        foreach (var (name, run) in steps)
        {
            env.Clock.Advance(TimeSpan.FromMinutes(1));
            var expected = await Outcome(run, reference);
            var actual = await Outcome(run, node.Definitions);
            Assert.True(expected == actual, $"Step '{name}':{Environment.NewLine}in-memory: {expected}{Environment.NewLine}database:  {actual}");
        }
    }

    [Fact]
    public async Task Concurrent_saves_on_a_published_definition_create_exactly_one_new_draft()
    {
        await using var env = await OpenAsync();
        var other = env.AddNode("node-b");
        await env.Node.PublishAsync(Flows.WaitForEvent("busy", name: "v1"));

        var saved = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() =>
            (i % 2 == 0 ? env.Node : other).SaveAsync(Flows.WaitForEvent("busy", name: $"edit {i}"), $"user-{i}"), Ct)));

        Assert.All(saved, s => Assert.Equal(2, s.Version));
        var versions = await env.Node.Definitions.GetVersionsAsync("busy", Ct);
        Assert.Equal([(2, false, true), (1, true, false)], versions.Select(v => (v.Version, v.IsPublished, v.IsLatest)));
        Assert.Contains(versions[0].Definition.Name, saved.Select(s => s.Definition.Name));
    }

    [Fact]
    public async Task Concurrent_publishes_leave_exactly_one_published_version()
    {
        await using var env = await OpenAsync();
        var other = env.AddNode("node-b");
        await env.Node.PublishAsync(Flows.WaitForEvent("race", name: "v1"));
        await env.Node.SaveAsync(Flows.Triggered("race", "race.started", name: "v2"));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            (i % 2 == 0 ? env.Node : other).Definitions.PublishAsync("race", i % 2 + 1, null, Ct), Ct)));

        var versions = await env.Node.Definitions.GetVersionsAsync("race", Ct);
        var published = Assert.Single(versions, v => v.IsPublished);
        var triggers = await env.Node.Definitions.FindEventTriggersAsync("race.started", Ct);
        Assert.Equal(published.Version == 2 ? 1 : 0, triggers.Count);
    }

    [Fact]
    public async Task The_database_itself_refuses_a_second_published_or_latest_version()
    {
        await using var env = await OpenAsync();
        await env.Node.PublishAsync(Flows.WaitForEvent("guarded"));
        await env.Node.SaveAsync(Flows.WaitForEvent("guarded", name: "draft"));

        await using (var db = env.Node.CreateDbContext())
        {
            var draft = await db.DefinitionVersions.SingleAsync(d => d.Version == 2, Ct);
            draft.IsPublished = true;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }

        await using (var db = env.Node.CreateDbContext())
        {
            var published = await db.DefinitionVersions.SingleAsync(d => d.Version == 1, Ct);
            published.IsLatest = true;
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        }
    }

    [Fact]
    public async Task The_trigger_index_holds_only_the_published_version_with_normalised_event_names()
    {
        await using var env = await OpenAsync();
        var node = env.Node;
        await node.SaveAsync(Flows.Triggered("indexed", "Ticket.Opened"));

        async Task<List<EventTriggerRow>> Rows()
        {
            await using var db = node.CreateDbContext();
            return await db.EventTriggers.AsNoTracking().ToListAsync(Ct);
        }

        Assert.Empty(await Rows());
        await node.Definitions.PublishAsync("indexed", null, null, Ct);
        var row = Assert.Single(await Rows());
        Assert.Equal(("indexed", 1, "trigger", "TICKET.OPENED"), (row.DefinitionId, row.Version, row.ActivityId, row.EventName));
        Assert.Equal([new EventTriggerRegistration("indexed", 1, "trigger")], await node.Definitions.FindEventTriggersAsync("ticket.opened", Ct));

        await node.SaveAsync(Flows.Triggered("indexed", "ticket.closed"));
        Assert.Equal(1, Assert.Single(await Rows()).Version);
        await node.Definitions.PublishAsync("indexed", 2, null, Ct);
        var republished = Assert.Single(await Rows());
        Assert.Equal((2, "TICKET.CLOSED"), (republished.Version, republished.EventName));
        Assert.Empty(await node.Definitions.FindEventTriggersAsync("ticket.opened", Ct));

        await node.Definitions.RetractAsync("indexed", null, Ct);
        Assert.Empty(await Rows());
        Assert.Empty(await node.Definitions.FindEventTriggersAsync("ticket.closed", Ct));
    }

    private static async Task<object?> Box<T>(Task<T> task) => await task;

    private static async Task<object?> Box(Task task)
    {
        await task;
        return "done";
    }

    private static async Task<string> Outcome(Func<IWorkflowDefinitionStore, Task<object?>> run, IWorkflowDefinitionStore store)
    {
        try
        {
            return Describe(await run(store));
        }
        catch (Exception ex) when (ex is WorkflowNotFoundException or DefinitionConflictException)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string Describe(object? value) => value switch
    {
        null => "null",
        DefinitionVersion v => WorkflowJson.Serialize(new
        {
            v.DefinitionId, v.Version, v.Status, v.IsPublished, v.IsLatest, v.PublishedAt, v.ContentHash, v.CreatedAt, v.UpdatedAt, v.CreatedBy, v.UpdatedBy,
            Document = WorkflowJson.Serialize(v.Definition),
        }),
        StoredDefinition s => WorkflowJson.Serialize(new { s.ContentHash, s.IsPublished, Document = WorkflowJson.Serialize(s.Definition) }),
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        _ => WorkflowJson.Serialize(value),
    };
}
