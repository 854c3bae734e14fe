using System.Net;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Persistence;
using EscalationFlows.Persistence.Stores;
using EscalationFlows.Server.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Server.Tests.Support.Flow;

namespace EscalationFlows.Server.Tests.Sla;

/// <summary>The SLA activities in workflows: clock changes commit with their burst, and Sla.WaitForThreshold resumes on the event.</summary>
public sealed class SlaActivityTests
{
    private static readonly DateTimeOffset Monday = ServerFactory.Epoch;

    private static async Task<JsonObject> StartAsync(HttpClient client, string definitionId, string correlationId, HttpStatusCode expected = HttpStatusCode.Created) =>
        await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = definitionId, ["correlationId"] = correlationId })).ReadObjectAsync(expected);

    private static Task<JsonObject> InstanceAsync(HttpClient client, JsonObject run) => client.GetObjectAsync($"/api/workflow-instances/{run["id"]}");

    [Fact]
    public async Task Start_wait_for_75_percent_and_stop_a_clock_of_an_escalation()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        var flow = Ids.New("esc-wait");
        await client.PublishAsync(new Flow(flow)
            .Variable("threshold")
            .Variable("clocks")
            .Add("start", "Start")
            .Add("clock", "Sla.Start", new JsonObject { ["outputs"] = new JsonObject { ["clocks"] = "clocks" } }, Literal("priority", 1), Literal("metrics", "resolution"))
            .Add("wait", "Sla.WaitForThreshold", new JsonObject { ["outputs"] = new JsonObject { ["threshold"] = "threshold" } }, Literal("minPercent", 75))
            .Add("stop", "Sla.Stop")
            .Add("end", "End")
            .Chain("start", "clock", "wait", "stop", "end"));
        var subject = Ids.New("ESC");

        var run = await StartAsync(client, flow, subject);
        Assert.Equal("Suspended", run["status"]!.GetValue<string>());
        var report = await client.GetObjectAsync($"/api/sla/{subject}");
        Assert.Equal("escalation", report["subjectType"]!.GetValue<string>());
        var metric = Assert.Single(report["metrics"]!.AsArray())!;
        Assert.Equal(("resolution", 4 * 3600.0), (metric["metric"]!.GetValue<string>(), metric["target"]!["seconds"]!.GetValue<double>()));
        Assert.Equal(4, (await factory.SlaTimersAsync(subject)).Count);
        var started = (await InstanceAsync(client, run))["variables"]!["clocks"]!.AsArray();
        Assert.Equal([("resolution", 240.0, Monday.AddHours(4))],
            started.Select(c => (c!["metric"]!.GetValue<string>(), c["targetMinutes"]!.GetValue<double>(), c["deadline"]!.GetValue<DateTimeOffset>())));

        // 50 % at 11:00 resumes the wait, which goes on waiting for 75 %.
        await PauseAndPolicyChangeTests.AdvanceFiringAsync(factory, TimeSpan.FromHours(2));
        Assert.Equal("Suspended", (await InstanceAsync(client, run))["status"]!.GetValue<string>());
        await PauseAndPolicyChangeTests.AdvanceFiringAsync(factory, TimeSpan.FromMinutes(59));
        Assert.Equal("Suspended", (await InstanceAsync(client, run))["status"]!.GetValue<string>());
        await PauseAndPolicyChangeTests.AdvanceFiringAsync(factory, TimeSpan.FromMinutes(1));

        var done = await InstanceAsync(client, run);
        Assert.Equal("Finished", done["status"]!.GetValue<string>());
        Assert.Equal(75, done["variables"]!["threshold"]!["percentage"]!.GetValue<int>());
        Assert.Equal(Monday.AddHours(3), done["variables"]!["threshold"]!["firedAt"]!.GetValue<DateTimeOffset>());
        var stopped = Assert.Single((await client.GetObjectAsync($"/api/sla/{subject}"))["metrics"]!.AsArray())!;
        Assert.Equal("met", stopped["status"]!.GetValue<string>());
        Assert.Equal(Monday.AddHours(3), stopped["stoppedAt"]!.GetValue<DateTimeOffset>());
        Assert.Empty(await factory.SlaTimersAsync(subject));

        // A later wait for a threshold that already fired continues at once.
        var late = Ids.New("esc-late");
        await client.PublishAsync(new Flow(late)
            .Variable("threshold")
            .Add("start", "Start")
            .Add("wait", "Sla.WaitForThreshold", new JsonObject { ["outputs"] = new JsonObject { ["threshold"] = "threshold" } }, Literal("minPercent", 50))
            .Add("end", "End")
            .Chain("start", "wait", "end"));
        var lateRun = await StartAsync(client, late, subject);
        Assert.Equal("Finished", lateRun["status"]!.GetValue<string>());
        var threshold = (await InstanceAsync(client, lateRun))["variables"]!["threshold"]!;
        Assert.Equal((50, true), (threshold["percentage"]!.GetValue<int>(), threshold["alreadyFired"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Pause_and_resume_from_a_workflow_cancel_and_recompute_the_timers()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        var flow = Ids.New("esc-pause");
        await client.PublishAsync(new Flow(flow)
            .Add("start", "Start")
            .Add("clock", "Sla.Start", Literal("priority", 1), Literal("tier", "platinum"))
            .Add("pause", "Sla.Pause", Literal("reason", "awaiting client"))
            .Add("reply", "WaitForEvent", Literal("eventName", "client.replied"))
            .Add("resume", "Sla.Resume")
            .Add("end", "End")
            .Chain("start", "clock", "pause", "reply", "resume", "end"));
        var subject = Ids.New("ESC");

        await StartAsync(client, flow, subject);
        var report = await client.GetObjectAsync($"/api/sla/{subject}");
        Assert.Equal(["paused", "paused"], report["metrics"]!.AsArray().Select(m => m!["status"]!.GetValue<string>()));
        Assert.Empty(await factory.SlaTimersAsync(subject));

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await (await client.PostJsonAsync("/api/events/client.replied", new JsonObject { ["correlationId"] = subject })).ReadObjectAsync();

        // Platinum P1: response 10 min, resolution 2 h, counted from 10:00.
        var timers = await factory.SlaTimersAsync(subject);
        Assert.Equal(Monday.AddHours(1).AddMinutes(5), timers["response/50"]);
        Assert.Equal(Monday.AddHours(2), timers["resolution/50"]);
        Assert.Equal(8, timers.Count);
        var lines = (await client.GetObjectAsync($"/api/sla/{subject}"))["metrics"]![1]!["explanation"]!["lines"]!.AsArray().Select(l => l!["text"]!.GetValue<string>());
        Assert.Contains("Mon 2026-11-30 09:00–10:00 paused awaiting client: 1 h 0 min not counted", lines);
    }

    [Fact]
    public async Task A_clock_change_is_written_with_its_burst_or_not_at_all()
    {
        var failing = new FailingParticipant();
        await using var factory = new ServerFactory(services: services => services.AddSingleton<IBurstCommitParticipant>(failing));
        using var client = factory.CreateClient();
        var flow = Ids.New("esc-atomic");
        await client.PublishAsync(new Flow(flow).Add("start", "Start").Add("clock", "Sla.Start", Literal("priority", 2)).Add("end", "End").Chain("start", "clock", "end"));
        var subject = Ids.New("ESC");

        failing.Armed = true;
        await (await client.PostJsonAsync("/api/workflow-instances", new JsonObject { ["definitionId"] = flow, ["correlationId"] = subject }))
            .AssertProblemAsync(HttpStatusCode.InternalServerError);

        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<EscalationFlowsDbContext>>().CreateDbContextAsync(ApiCalls.Token))
        {
            Assert.Equal(0, await db.SlaClocks.CountAsync(c => c.SubjectId == subject, ApiCalls.Token));
            Assert.Equal(0, await db.Instances.CountAsync(i => i.CorrelationId == subject, ApiCalls.Token));
        }

        Assert.Empty(await factory.SlaTimersAsync(subject));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/sla/{subject}", ApiCalls.Token)).StatusCode);

        failing.Armed = false;
        Assert.Equal("Finished", (await StartAsync(client, flow, subject))["status"]!.GetValue<string>());
        Assert.Equal(8, (await factory.SlaTimersAsync(subject)).Count);
    }

    [Fact]
    public async Task Unknown_policies_and_missing_clocks_fault_the_step_with_a_clear_incident()
    {
        await using var factory = new ServerFactory(services: SlaCalls.WithoutTimerDispatcher);
        using var client = factory.CreateClient();
        var unknownPolicy = Ids.New("esc-bad-policy");
        await client.PublishAsync(new Flow(unknownPolicy).Add("start", "Start").Add("clock", "Sla.Start", Literal("priority", 1), Literal("policyId", "nope")).Chain("start", "clock"));
        var noClock = Ids.New("esc-no-clock");
        await client.PublishAsync(new Flow(noClock).Add("start", "Start").Add("pause", "Sla.Pause").Chain("start", "pause"));

        var faulted = await StartAsync(client, unknownPolicy, Ids.New("ESC"));
        Assert.Equal("Faulted", faulted["status"]!.GetValue<string>());
        Assert.Equal(("sla-unknown-policy", "There is no SLA policy 'nope'."), (faulted["incidents"]![0]!["code"]!.GetValue<string>(), faulted["incidents"]![0]!["message"]!.GetValue<string>()));

        var subject = Ids.New("ESC");
        var noClockRun = await StartAsync(client, noClock, subject);
        Assert.Equal("sla-no-clock", noClockRun["incidents"]![0]!["code"]!.GetValue<string>());
        Assert.Contains($"'{subject}' has no SLA clock", noClockRun["incidents"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        var invalid = new Flow(Ids.New("esc-invalid")).Add("start", "Start").Add("clock", "Sla.Start", Literal("priority", 7), Literal("metrics", "both-ways")).Chain("start", "clock");
        var problem = await (await client.PostJsonAsync("/api/workflow-definitions", invalid.Json)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "definition-invalid");
        Assert.Equal(
            ["/root/activities/1/inputs/metrics/expression/value", "/root/activities/1/inputs/priority/expression/value"],
            problem.Errors().Select(e => e.Pointer).Order(StringComparer.Ordinal));
    }

    private sealed class FailingParticipant : IBurstCommitParticipant
    {
        public bool Armed { get; set; }

        public Task OnCommitAsync(BurstCommit commit, EscalationFlowsDbContext db, CancellationToken cancellationToken) =>
            Armed ? throw new InvalidOperationException("The commit fails after the SLA rows were staged (test).") : Task.CompletedTask;
    }
}
