using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Tasks;

/// <summary>The inbox: what each person sees by default and with assignee/team/status filters, and the sort orders.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new();
    private readonly Dictionary<string, string> _tasks = new(StringComparer.Ordinal);
    private HttpClient _admin = null!;
    private string _agentA = null!;

    public async ValueTask InitializeAsync()
    {
        await _factory.EnsureTeamAsync("Network");
        await _factory.EnsureTeamAsync("Billing");
        _agentA = await _factory.CreateUserAsync("agent-a@example.com", ["agent"], "Network");
        await _factory.CreateUserAsync("agent-b@example.com", ["agent"], "Network");
        await _factory.CreateUserAsync("billing@example.com", ["resolver"], "Billing");
        await _factory.CreateUserAsync("viewer@example.com", ["viewer"]);
        _admin = _factory.CreateClient();

        // Created a minute apart, so "created" order is t1..t6; due times are hours apart.
        await AddAsync("t1", Literal("candidateTeam", "Network"), Literal("dueIn", "PT8H"), Literal("priority", 50));
        await AddAsync("t2", Literal("candidateTeam", "network"), Literal("dueIn", "PT2H"), Literal("priority", 10));
        await AddAsync("t3", Literal("candidateTeam", "Network"), Literal("priority", 90));
        await AddAsync("t4", Literal("candidateTeam", "Billing"), Literal("dueIn", "PT1H"));
        await AddAsync("t5", Literal("candidateRole", "agent"), Literal("dueIn", "PT4H"), Literal("priority", 30));
        await AddAsync("t6", Literal("assignee", "agent-a@example.com"), Literal("dueIn", "PT3H"), Literal("priority", 70));
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task AddAsync(string name, params (string, string, JsonNode?)[] inputs)
    {
        var id = Ids.New(name);
        var (_, taskId) = await _admin.StartTaskAsync(HumanTaskFlows.Single(id, inputs), id);
        _tasks[name] = taskId;
        _factory.Clock.Advance(TimeSpan.FromMinutes(1));
    }

    private async Task<IReadOnlyList<string>> InboxAsync(HttpClient client, string query = "")
    {
        var page = await client.GetObjectAsync($"/api/tasks{query}");
        Assert.Equal(page["items"]!.AsArray().Count, page["totalCount"]!.GetValue<int>());
        var names = _tasks.ToDictionary(t => t.Value, t => t.Key);
        return [.. page.Ids().Select(id => names[id])];
    }

    [Fact]
    public async Task By_default_an_agent_sees_own_tasks_and_the_unassigned_tasks_of_their_teams_and_roles_soonest_due_first()
    {
        using var agent = await _factory.SignInAsync("agent-a@example.com");

        Assert.Equal(["t2", "t6", "t5", "t1", "t3"], await InboxAsync(agent));
        Assert.Equal(["t2", "t6", "t5", "t1", "t3"], await InboxAsync(agent, "?assignee=me&team=mine&sort=due"));
        Assert.Equal(["t3", "t6", "t1", "t5", "t2"], await InboxAsync(agent, "?sort=priority"));
        Assert.Equal(["t1", "t2", "t3", "t5", "t6"], await InboxAsync(agent, "?sort=created"));
        Assert.Equal(["t6"], await InboxAsync(agent, "?assignee=me"));
        Assert.Equal(["t2", "t5", "t1", "t3"], await InboxAsync(agent, "?team=mine"));
        Assert.Equal(["t2", "t1", "t3"], await InboxAsync(agent, "?team=Network"));
        Assert.Equal(["t6"], await InboxAsync(agent, $"?assignee={_agentA}"));

        using var billing = await _factory.SignInAsync("billing@example.com");
        Assert.Equal(["t4"], await InboxAsync(billing));
    }

    [Fact]
    public async Task A_claimed_task_leaves_the_others_queues_but_stays_visible_in_the_team_view()
    {
        using var a = await _factory.SignInAsync("agent-a@example.com");
        using var b = await _factory.SignInAsync("agent-b@example.com");
        await (await a.PostEmptyAsync($"/api/tasks/{_tasks["t1"]}/claim")).ReadObjectAsync();

        Assert.Equal(["t2", "t5", "t3"], await InboxAsync(b));
        Assert.Equal(["t2", "t1", "t3"], await InboxAsync(b, "?team=Network"));
        Assert.Equal(["t2", "t6", "t5", "t1", "t3"], await InboxAsync(a));
    }

    [Fact]
    public async Task Completed_tasks_are_found_with_status_and_by_who_completed_them()
    {
        using var b = await _factory.SignInAsync("agent-b@example.com");
        await (await b.CompleteAsync(_tasks["t2"], "Approve")).ReadObjectAsync();

        Assert.Equal(["t5", "t1", "t3"], await InboxAsync(b));
        Assert.Equal(["t2"], await InboxAsync(b, "?assignee=me&status=completed"));
        Assert.Equal(["t2", "t5", "t1", "t3"], await InboxAsync(b, "?status=all"));
        var done = await b.GetTaskAsync(_tasks["t2"]);
        Assert.Equal("completed", done["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Seeing_every_task_or_another_persons_or_teams_tasks_needs_a_role_that_reads_all()
    {
        using var b = await _factory.SignInAsync("agent-b@example.com");
        await (await b.GetAsync("/api/tasks?assignee=any", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.GetAsync($"/api/tasks?assignee={_agentA}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await b.GetAsync("/api/tasks?team=Billing", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await b.GetTaskAsync(_tasks["t4"], HttpStatusCode.Forbidden);
        await b.GetTaskAsync(_tasks["t6"], HttpStatusCode.Forbidden);

        using var viewer = await _factory.SignInAsync("viewer@example.com");
        Assert.Empty(await InboxAsync(viewer));
        Assert.Equal(["t4", "t2", "t6", "t5", "t1", "t3"], await InboxAsync(viewer, "?assignee=any"));
        Assert.Equal(["t4"], await InboxAsync(viewer, "?team=billing"));
        await viewer.GetTaskAsync(_tasks["t4"]);
    }

    [Fact]
    public async Task Bad_filters_are_400_problems_naming_the_parameter()
    {
        foreach (var (query, parameter) in new[] { ("?status=done", "status"), ("?sort=fastest", "sort"), ("?page=0", "page"), ("?pageSize=9999", "pageSize") })
        {
            var problem = await (await _admin.GetAsync($"/api/tasks{query}", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
            Assert.Equal(parameter, problem["errors"]![0]!["parameter"]!.GetValue<string>());
        }
    }
}
