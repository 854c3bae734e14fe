using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.HumanTasks;
using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence.Entities;
using EscalationFlows.Persistence.HumanTasks;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Testing.Flow;

namespace EscalationFlows.Persistence.Tests.Scenarios;

/// <summary>Task rows follow their HumanTask bookmarks inside each burst's transaction, and the inbox query runs on both providers.</summary>
public abstract class HumanTaskScenarios : ScenarioBase
{
    protected HumanTaskScenarios(ITestDatabases databases)
        : base(databases)
    {
    }

    private static string TaskFlow(string id, params (string, string, JsonNode?)[] inputs) => new Flow(id)
        .Add("start", "Start")
        .Add("task", "HumanTask", [Template("title", "Check"), .. inputs])
        .Add("end", "End")
        .Chain("start", "task", "end").Json;

    private static HumanTaskStore Tasks(TestNode node) => node.Services.GetRequiredService<HumanTaskStore>();

    private static JsonNode Completion(string by, long? revision = null, string? link = null) =>
        WorkflowJson.ToNode(new HumanTaskCompletion { Outcome = "Done", Data = new JsonObject { ["ok"] = true }, CompletedBy = by, ExpectedRevision = revision, ClientLinkId = link })!;

    [Fact]
    public async Task A_task_row_is_written_with_its_bookmark_and_completed_with_its_resume()
    {
        await using var env = await OpenAsync();
        await env.Node.PublishAsync(TaskFlow("t", Literal("candidateTeam", "Network"), Literal("priority", 80)));
        var run = await env.Node.StartAsync("t");
        var taskId = run.Bookmarks.Single().Id;

        var row = await Tasks(env.Node).GetAsync(taskId, Ct);
        Assert.NotNull(row);
        Assert.Equal(HumanTaskStatuses.Open, row.Status);
        Assert.Equal("network", row.CandidateTeamKey);
        Assert.Equal(80, row.Priority);

        await env.Node.Runtime.ResumeAsync(taskId, Completion("u1", row.Revision), cancellationToken: Ct);

        var done = (await Tasks(env.Node).GetAsync(taskId, Ct))!;
        Assert.Equal(HumanTaskStatuses.Completed, done.Status);
        Assert.Equal("u1", done.CompletedBy);
        Assert.Equal([HumanTaskEventKinds.Created, HumanTaskEventKinds.Completed], (await Tasks(env.Node).GetEventsAsync(taskId, Ct)).Select(e => e.Kind));
    }

    [Fact]
    public async Task A_completion_authorized_against_an_older_revision_writes_nothing()
    {
        await using var env = await OpenAsync();
        await env.Node.PublishAsync(TaskFlow("stale", Literal("candidateTeam", "Network")));
        var run = await env.Node.StartAsync("stale");
        var taskId = run.Bookmarks.Single().Id;
        var before = (await Tasks(env.Node).GetAsync(taskId, Ct))!;
        await Tasks(env.Node).ChangeAsync(taskId, before.Revision, t => t.AssigneeId = "someone",
            HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Claimed, "someone", env.Clock.GetUtcNow()), Ct);
        var counts = await CountAsync(env.Node);

        var error = await Assert.ThrowsAsync<HumanTaskConflictException>(() => env.Node.Runtime.ResumeAsync(taskId, Completion("u1", before.Revision), cancellationToken: Ct));

        Assert.Equal(HumanTaskConflictException.Changed, error.Code);
        Assert.Equal(counts, await CountAsync(env.Node));
        Assert.Equal(BookmarkState.Active, (await env.Node.Store.GetBookmarkAsync(taskId, Ct))!.State);
        Assert.Equal(HumanTaskStatuses.Open, (await Tasks(env.Node).GetAsync(taskId, Ct))!.Status);
        await Assert.ThrowsAsync<HumanTaskConflictException>(() => Tasks(env.Node).ChangeAsync(taskId, before.Revision, t => t.AssigneeId = null,
            HumanTaskEvents.Create(taskId, HumanTaskEventKinds.Released, "x", env.Clock.GetUtcNow()), Ct));
    }

    [Fact]
    public async Task Cancelling_the_instance_cancels_the_task_and_its_client_link_is_used_once()
    {
        await using var env = await OpenAsync();
        await env.Node.PublishAsync(TaskFlow("cancel", Literal("candidateTeam", "Network")));
        var cancelled = await env.Node.StartAsync("cancel");
        await env.Node.Runtime.CancelAsync(cancelled.InstanceId, cancellationToken: Ct);
        Assert.Equal(HumanTaskStatuses.Cancelled, (await Tasks(env.Node).GetAsync(cancelled.Bookmarks.Single().Id, Ct))!.Status);

        var run = await env.Node.StartAsync("cancel");
        var taskId = run.Bookmarks.Single().Id;
        await using (var db = env.Node.CreateDbContext())
        {
            db.ClientLinks.Add(new ClientLinkRow { Id = "link-1", Purpose = "task", SubjectId = taskId, ExpiresAt = env.Clock.GetUtcNow().AddDays(1), CreatedAt = env.Clock.GetUtcNow() });
            await db.SaveChangesAsync(Ct);
        }

        await env.Node.Runtime.ResumeAsync(taskId, Completion("client-link:link-1", link: "link-1"), cancellationToken: Ct);
        await using (var db = env.Node.CreateDbContext())
        {
            Assert.NotNull((await db.ClientLinks.SingleAsync(l => l.Id == "link-1", Ct)).UsedAt);
        }

        var again = await env.Node.StartAsync("cancel");
        var link = await Assert.ThrowsAsync<HumanTaskConflictException>(() =>
            env.Node.Runtime.ResumeAsync(again.Bookmarks.Single().Id, Completion("client-link:link-1", link: "link-1"), cancellationToken: Ct));
        Assert.Equal(HumanTaskConflictException.LinkUnusable, link.Code);
    }

    [Fact]
    public async Task The_inbox_query_selects_by_assignee_queue_and_team_and_sorts_by_due_priority_and_creation()
    {
        await using var env = await OpenAsync();
        await env.Node.PublishAsync(TaskFlow("late", Literal("candidateTeam", "Network"), Literal("dueIn", "PT8H"), Literal("priority", 90)));
        await env.Node.PublishAsync(TaskFlow("soon", Literal("candidateRole", "agent"), Literal("dueIn", "PT1H"), Literal("priority", 10)));
        await env.Node.PublishAsync(TaskFlow("never", Literal("candidateTeam", "Billing")));
        var late = (await env.Node.StartAsync("late")).Bookmarks.Single().Id;
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        var soon = (await env.Node.StartAsync("soon")).Bookmarks.Single().Id;
        env.Clock.Advance(TimeSpan.FromMinutes(1));
        var never = (await env.Node.StartAsync("never")).Bookmarks.Single().Id;
        var store = Tasks(env.Node);
        var page = new PageRequest(1, 50);

        var queue = new HumanTaskQuery { QueueTeamKeys = ["network"], QueueRoles = ["agent"], Status = HumanTaskStatuses.Open };
        Assert.Equal([soon, late], (await store.QueryAsync(queue, page, Ct)).Items.Select(t => t.Id));
        Assert.Equal([late, soon], (await store.QueryAsync(queue with { Sort = HumanTaskSort.Priority }, page, Ct)).Items.Select(t => t.Id));
        Assert.Equal([late, soon, never], (await store.QueryAsync(new HumanTaskQuery { All = true, Sort = HumanTaskSort.Created }, page, Ct)).Items.Select(t => t.Id));
        Assert.Equal([soon, late, never], (await store.QueryAsync(new HumanTaskQuery { All = true }, page, Ct)).Items.Select(t => t.Id));
        Assert.Equal([never], (await store.QueryAsync(new HumanTaskQuery { TeamKey = "billing" }, page, Ct)).Items.Select(t => t.Id));
        var visible = new HumanTaskQuery { All = true, Visibility = new HumanTaskVisibility("u9", ["billing"], []) };
        Assert.Equal([never], (await store.QueryAsync(visible, page, Ct)).Items.Select(t => t.Id));

        var row = (await store.GetAsync(late, Ct))!;
        await store.ChangeAsync(late, row.Revision, t => t.AssigneeId = "u1", HumanTaskEvents.Create(late, HumanTaskEventKinds.Claimed, "u1", env.Clock.GetUtcNow()), Ct);
        Assert.Equal([soon], (await store.QueryAsync(queue, page, Ct)).Items.Select(t => t.Id));
        var mine = await store.QueryAsync(new HumanTaskQuery { AssignedTo = "u1" }, new PageRequest(1, 1), Ct);
        Assert.Equal([late], mine.Items.Select(t => t.Id));
        Assert.Equal(1, mine.TotalCount);
    }
}
