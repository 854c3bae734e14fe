using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Faults;

public sealed class BurstLimitTests
{
    [Fact]
    public async Task An_endless_loop_without_a_wait_hits_the_burst_limit_and_faults()
    {
        using var engine = new EngineHarness(engine: o => o.MaxActivitiesPerBurst = 100);
        engine.Publish(new Flow("spin", "continue")
            .Variable("i", 0)
            .Add("start", "Start")
            .Add("inc", "SetVariable", Literal("variable", "i"), Js("value", "i + 1"))
            .Add("again", "Decision", Js("condition", "true"))
            .Chain("start", "inc", "again")
            .Connect("again", "inc", "True")
            .Json);

        var run = await engine.StartAsync("spin");

        Assert.Equal(WorkflowStatus.Faulted, run.Status);
        Assert.Equal("burst-limit", run.SubStatus);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("burst-limit", incident.Code);
        var state = await engine.StateAsync(run.InstanceId);
        Assert.NotNull(state.FaultedWork);
        Assert.Equal(50, state.Variables["i"]!.GetValue<int>());
        Assert.Equal(100, (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityCompleted)).Count);
    }

    [Fact]
    public async Task A_loop_that_waits_each_time_round_is_not_an_endless_burst()
    {
        using var engine = new EngineHarness(engine: o => o.MaxActivitiesPerBurst = 20);
        engine.Publish(new Flow("polite-loop")
            .Variable("i", 0)
            .Add("start", "Start")
            .Add("inc", "SetVariable", Literal("variable", "i"), Js("value", "i + 1"))
            .Add("pause", "Delay", Literal("duration", "PT1M"))
            .Add("again", "Decision", Js("condition", "i < 30"))
            .Chain("start", "inc", "pause", "again")
            .Connect("again", "inc", "True")
            .Json);
        var run = await engine.StartAsync("polite-loop");

        for (var i = 0; i < 30; i++)
        {
            await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        var state = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Finished, state.Status);
        Assert.Equal(30, state.Variables["i"]!.GetValue<int>());
    }
}
