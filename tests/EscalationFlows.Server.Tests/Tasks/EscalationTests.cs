using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Server.Tests.Support;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Tasks;

/// <summary>Deadline escalation: the timer dispatcher reassigns a task that is not done in time, and records it.</summary>
public sealed class EscalationTests
{
    [Fact]
    public async Task A_task_past_escalate_after_is_reassigned_to_the_escalation_team_by_the_timer_dispatcher()
    {
        await using var factory = new ServerFactory();
        await factory.EnsureTeamAsync("Network");
        await factory.EnsureTeamAsync("Major incidents");
        var agentId = await factory.CreateUserAsync("net-agent@example.com", ["agent"], "Network");
        var majorId = await factory.CreateUserAsync("major@example.com", ["agent"], "Major incidents");
        using var admin = factory.CreateClient();
        var id = Ids.New("escalate");
        var (_, taskId) = await admin.StartTaskAsync(HumanTaskFlows.Single(id, Literal("candidateTeam", "Network"), Literal("assignee", "net-agent@example.com"),
            Literal("escalateAfter", "PT2H"), Literal("escalateTo", new JsonObject { ["team"] = "Major incidents" })), id);
        var before = await admin.GetTaskAsync(taskId);
        Assert.Equal(agentId, before["assigneeId"]!.GetValue<string>());
        Assert.Equal(ServerFactory.Epoch.AddHours(2), before["escalateAt"]!.GetValue<DateTimeOffset>());

        factory.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1));
        using var major = await factory.SignInAsync("major@example.com");
        Assert.Empty((await major.GetObjectAsync("/api/tasks")).Ids());

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await Poll.UntilAsync(() => admin.GetTaskAsync(taskId), t => t.Kinds().Contains("escalated-on-deadline"), "the deadline escalation");

        Assert.Equal("open", after["status"]!.GetValue<string>());
        Assert.Equal("Major incidents", after["candidateTeam"]!.GetValue<string>());
        Assert.Null(after["assigneeId"]);
        Assert.Equal(ServerFactory.Epoch.AddHours(2), after["escalatedAt"]!.GetValue<DateTimeOffset>());
        var escalation = after["history"]!.AsArray().Single(e => e!["kind"]!.GetValue<string>() == "escalated-on-deadline")!;
        Assert.Equal("system", escalation["actor"]!.GetValue<string>());
        Assert.Equal(agentId, escalation["details"]!["fromAssignee"]!.GetValue<string>());
        Assert.Equal("Major incidents", escalation["details"]!["toTeam"]!.GetValue<string>());

        Assert.Equal([taskId], (await major.GetObjectAsync("/api/tasks")).Ids());
        using var agent = await factory.SignInAsync("net-agent@example.com");
        await agent.GetTaskAsync(taskId, HttpStatusCode.Forbidden);
        await (await major.CompleteAsync(taskId, "Approve")).ReadObjectAsync();
        Assert.Equal(majorId, (await admin.GetTaskAsync(taskId))["completedBy"]!.GetValue<string>());
    }
}
