using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Tests.Support;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Faults;

public sealed class RetryPolicyTests
{
    [Fact]
    public async Task Each_attempt_waits_for_the_growing_capped_jittered_backoff_and_is_journaled()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("always-fails", "fault")
            .Variable("x")
            .Add("start", "Start")
            .Add("work", "SetVariable", Retry(maxAttempts: 4, delay: "PT10S", backoffMultiplier: 3, jitterRatio: 0.5, maxDelay: "PT1M"),
                Literal("variable", "x"), Js("value", "null.value"))
            .Chain("start", "work")
            .Json);
        var run = await engine.StartAsync("always-fails");

        foreach (var baseDelay in new[] { 10, 30, 60 })
        {
            var state = await engine.StateAsync(run.InstanceId);
            Assert.Equal(WorkflowStatus.Suspended, state.Status);
            var retry = Assert.Single(state.Bookmarks);
            Assert.Equal(BookmarkKinds.Retry, retry.Kind);
            var wait = retry.DueAt!.Value - engine.Clock.GetUtcNow();
            Assert.InRange(wait, TimeSpan.FromSeconds(baseDelay), TimeSpan.FromSeconds(baseDelay * 1.5));
            await engine.AdvanceAsync(wait);
        }

        var final = await engine.StateAsync(run.InstanceId);
        Assert.Equal(WorkflowStatus.Faulted, final.Status);
        var incident = Assert.Single(final.Incidents);
        Assert.Equal(4, incident.Attempt);
        Assert.Equal([1, 2, 3, 4], (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityStarted)).Where(j => j.ActivityId == "work").Select(j => j.Attempt ?? 0));
        Assert.Equal([1, 2, 3, 4], (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityFaulted)).Select(j => j.Attempt ?? 0));
        Assert.Equal([2, 3, 4], (await engine.JournalAsync(run.InstanceId, JournalEvents.ActivityRetryScheduled)).Select(j => j.Attempt ?? 0));
        Assert.Equal(1, final.Activities["work"].Runs);
        Assert.Equal(4, final.Activities["work"].Faults);
    }

    [Fact]
    public async Task A_retry_without_delay_runs_again_at_once_in_the_same_burst()
    {
        using var engine = new EngineHarness();
        engine.Publish(new Flow("instant-retry", "continue")
            .Variable("x")
            .Add("start", "Start")
            .Add("work", "SetVariable", Retry(maxAttempts: 3, delay: "PT0S"), Literal("variable", "x"), Js("value", "null.value"))
            .Chain("start", "work")
            .Json);

        var run = await engine.StartAsync("instant-retry");

        Assert.Equal(WorkflowStatus.Finished, run.Status);
        Assert.Equal(3, Assert.Single(run.Incidents).Attempt);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 40)]
    [InlineData(4, 45)]
    [InlineData(9, 45)]
    public void The_backoff_grows_by_the_multiplier_up_to_the_cap(int failedAttempt, int expectedSeconds)
    {
        var policy = new RetryPolicyDefinition { Delay = "PT10S", BackoffMultiplier = 2, MaxDelay = "PT45S" };

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryDelays.Compute(policy, failedAttempt));
    }

    [Fact]
    public void Jitter_adds_up_to_its_ratio_of_the_wait()
    {
        var policy = new RetryPolicyDefinition { Delay = "PT100S", JitterRatio = 0.2 };
        var random = new Random(7);

        var delays = Enumerable.Range(0, 200).Select(_ => RetryDelays.Compute(policy, 1, random)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(120)));
        Assert.True(delays.Distinct().Count() > 100, "jitter spreads the retries");
    }
}
