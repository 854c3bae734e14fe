using System.Text.Json.Nodes;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;

namespace EscalationFlows.Engine.Tests.Definitions;

/// <summary>The sample definitions are not only valid: they run as their descriptions say.</summary>
public sealed class SampleRunTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepositoryPaths.TestProject, "Definitions", "Samples", $"{name}.json"));

    private static JsonObject Ticket() => new()
    {
        ["key"] = "INC-42",
        ["impact"] = 1,
        ["urgency"] = 1,
        ["customer"] = new JsonObject { ["tier"] = "gold" },
    };

    [Fact]
    public async Task Incident_escalation_notifies_the_team_and_finishes_when_the_customer_answers_before_the_SLA()
    {
        using var server = new LocalHttpServer(_ => (202, """{"queued":true}""", "application/json"));
        using var engine = new EngineHarness();
        engine.Publish(Sample("incident-escalation"));

        var run = await engine.StartAsync("incident-escalation", new JsonObject { ["ticket"] = Ticket(), ["notifyUrl"] = server.BaseUrl + "notify" }, correlationId: "INC-42");

        Assert.Equal(WorkflowStatus.Suspended, run.Status);
        var sla = Assert.Single(run.Bookmarks, b => b.Kind == BookmarkKinds.Timer);
        Assert.Equal(EngineHarness.Epoch.AddMinutes(240), sla.DueAt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/notify", request.Path);
        Assert.Equal("major-incident", JsonNode.Parse(request.Body)!["team"]!.GetValue<string>());

        await engine.PublishAsync("customer-replied", new JsonObject { ["text"] = "Works again" }, correlationId: "INC-42");

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(1, state.Output!["severity"]!.GetValue<int>());
        Assert.Equal("answered", state.Output!["resolution"]!.GetValue<string>());
        Assert.True(state.Variables["notification"]!["queued"]!.GetValue<bool>());
        Assert.Null(await engine.NextTimerDueAsync());
        Assert.Equal("INC-42 (severity 1, major-incident): answered", Assert.Single(await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Message);
    }

    [Fact]
    public async Task Incident_escalation_records_a_breach_when_the_SLA_comes_first()
    {
        using var server = new LocalHttpServer(_ => (200, "{}", "application/json"));
        using var engine = new EngineHarness();
        engine.Publish(Sample("incident-escalation"));
        var ticket = Ticket();
        ticket["impact"] = 3;
        ticket["urgency"] = 3;
        ticket.Remove("customer");

        var run = await engine.StartAsync("incident-escalation", new JsonObject { ["ticket"] = ticket, ["notifyUrl"] = server.BaseUrl, ["slaMinutes"] = 120 });
        await engine.AdvanceAsync(TimeSpan.FromMinutes(30));

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(4, state.Output!["severity"]!.GetValue<int>());
        Assert.Equal("breached after 120 minutes", state.Output!["resolution"]!.GetValue<string>());
        Assert.Empty(state.Bookmarks);
    }

    [Fact]
    public async Task Major_incident_review_is_started_by_its_event_and_runs_the_escalation_as_a_child()
    {
        using var engine = new EngineHarness();
        engine.Publish(Sample("incident-escalation"));
        engine.Publish(Sample("major-incident-review"));

        var started = Assert.Single((await engine.PublishAsync("major-incident", new JsonObject { ["ticket"] = Ticket() }, correlationId: "INC-42")).Started);
        Assert.Equal(WorkflowStatus.Suspended, started.Status);
        Assert.Equal(BookmarkKinds.ChildWorkflow, Assert.Single(started.Bookmarks).Kind);

        // The child cannot reach the (unreachable) notify URL and keeps retrying; the customer's answer ends it anyway.
        await engine.PublishAsync("customer-replied", new JsonObject { ["text"] = "ok" }, correlationId: "INC-42");
        var parent = await engine.StateAsync(started.InstanceId);
        Assert.Equal(BookmarkKinds.Timer, Assert.Single(parent.Bookmarks).Kind);
        await engine.AdvanceAsync(TimeSpan.FromDays(1));

        parent = await engine.StateAsync(started.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, parent.Status);
        Assert.Equal("Review of INC-42: answered", Assert.Single(await engine.JournalAsync(started.InstanceId, JournalEvents.Log)).Message);
        Assert.Null(await engine.NextTimerDueAsync());
    }

    [Fact]
    public async Task On_call_handover_waits_for_its_time_reminds_and_finishes_when_both_confirm()
    {
        using var engine = new EngineHarness();
        engine.Publish(Sample("on-call-handover"));
        var run = await engine.StartAsync("on-call-handover", new JsonObject { ["from"] = "alice", ["to"] = "bob" });

        await engine.AdvanceAsync(TimeSpan.FromHours(23));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(15));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(15));
        await engine.PublishAsync("handover-confirmed", correlationId: "bob");
        Assert.Equal(WorkflowStatus.Suspended, (await engine.StateAsync(run.InstanceId)).Status);
        await engine.PublishAsync("handover-confirmed", correlationId: "alice");

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal("bob", state.Variables["handedTo"]!.GetValue<string>());
        Assert.Equal(2, state.Variables["reminders"]!.GetValue<int>());
        Assert.Equal(["Reminder 1 for alice and bob", "Reminder 2 for alice and bob", "bob"],
            (await engine.JournalAsync(run.InstanceId, JournalEvents.Log)).Select(l => l.Message));
        Assert.Null(await engine.NextTimerDueAsync());
        var announcement = Assert.Single(await engine.Store.ClaimOutboxAsync(engine.Clock.GetUtcNow(), 10, "test", TimeSpan.FromMinutes(1), ["webhook"], CancellationToken.None));
        Assert.Equal("""{"url":"https://hooks.example.com/on-call","body":{"event":"on-call.handed-over","from":"alice","to":"bob"}}""", announcement.Payload.ToJsonString());
    }
}
