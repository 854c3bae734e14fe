using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Live;

/// <summary>
/// GET /api/live over real HTTP: change notifications arrive after the commits that caused them (start, complete,
/// claim), and each caller hears only about what they may see.
/// </summary>
public sealed class LiveEndpointTests : IAsyncLifetime
{
    private readonly ServerFactory _factory = new();
    private HttpClient _admin = null!;

    public async ValueTask InitializeAsync()
    {
        await _factory.EnsureTeamAsync("Network");
        await _factory.EnsureTeamAsync("Billing");
        await _factory.CreateUserAsync("live-agent@example.com", ["agent"], "Network");
        await _factory.CreateUserAsync("live-other@example.com", ["agent"], "Network");
        _admin = _factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Without_credentials_the_stream_is_a_401_problem()
    {
        using var anonymous = _factory.CreateAnonymousClient();
        await (await anonymous.GetAsync("/api/live", ApiCalls.Token)).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Starting_and_completing_a_task_sends_instance_and_task_changes_after_each_commit()
    {
        var id = Ids.New("live");
        await _admin.PublishAsync(HumanTaskFlows.Single(id, Literal("candidateTeam", "Network")));
        await using var live = await LiveStream.OpenAsync(_admin);

        var run = await _admin.StartAsync(id);
        var instanceId = run["id"]!.GetValue<string>();
        var taskId = run["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "HumanTask")!["id"]!.GetValue<string>();

        await live.NextChangeAsync("instance", instanceId, "Suspended");
        await live.NextChangeAsync("task", taskId, "open");

        await (await _admin.CompleteAsync(taskId, "Approve")).ReadObjectAsync();
        // One burst, one commit: its instance first, then the tasks it changed.
        var (_, before) = await live.NextChangeAsync("instance", instanceId, "Finished");
        Assert.Empty(before);
        Assert.Equal(new JsonObject { ["type"] = "task", ["id"] = taskId, ["status"] = "completed" }.ToJsonString(), (await live.NextChangeAsync()).ToJsonString());
    }

    [Fact]
    public async Task An_agent_hears_about_tasks_of_their_teams_only_and_about_no_instances()
    {
        using var agent = await _factory.SignInAsync("live-agent@example.com");
        using var colleague = await _factory.SignInAsync("live-other@example.com");
        var billing = Ids.New("live-billing");
        var network = Ids.New("live-network");
        await _admin.PublishAsync(HumanTaskFlows.Single(billing, Literal("candidateTeam", "Billing")));
        await _admin.PublishAsync(HumanTaskFlows.Single(network, Literal("candidateTeam", "Network")));
        await using var live = await LiveStream.OpenAsync(agent);

        // The billing task and both instances are invisible: the first change the agent hears of is the network task.
        await _admin.StartAsync(billing);
        var networkRun = await _admin.StartAsync(network);
        var networkTask = networkRun["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "HumanTask")!["id"]!.GetValue<string>();
        var first = await live.NextChangeAsync();
        Assert.Equal(new JsonObject { ["type"] = "task", ["id"] = networkTask, ["status"] = "open" }.ToJsonString(), first.ToJsonString());

        // A colleague claiming it (the task store's change, outside any burst) is heard too.
        await (await colleague.PostEmptyAsync($"/api/tasks/{networkTask}/claim")).ReadObjectAsync();
        var claimed = await live.NextChangeAsync();
        Assert.Equal(new JsonObject { ["type"] = "task", ["id"] = networkTask, ["status"] = "open" }.ToJsonString(), claimed.ToJsonString());

        // Reassigned away to Billing: the agent still hears of it (it was theirs to see), and then of nothing more.
        await (await _admin.PostJsonAsync($"/api/tasks/{networkTask}/reassign", new JsonObject { ["team"] = "Billing" })).ReadObjectAsync();
        Assert.Equal(networkTask, (await live.NextChangeAsync())["id"]!.GetValue<string>());
        await (await _admin.CompleteAsync(networkTask, "Approve")).ReadObjectAsync();

        var marker = Ids.New("live-marker");
        await _admin.PublishAsync(HumanTaskFlows.Single(marker, Literal("candidateRole", "agent")));
        var markerTask = (await _admin.StartAsync(marker))["bookmarks"]!.AsArray().Single(b => b!["kind"]!.GetValue<string>() == "HumanTask")!["id"]!.GetValue<string>();
        var next = await live.NextChangeAsync();
        Assert.Equal(markerTask, next["id"]!.GetValue<string>());
    }
}
