using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Engine.Tests.Runtime;

/// <summary>Module timers: per-timer and batch handlers, and a timer moved while it fires.</summary>
public sealed class ModuleTimerTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_handler_gets_every_due_timer_of_its_kind_at_once_and_only_the_ones_it_returns_complete()
    {
        var batch = new BatchHandler("batched") { Refuse = "b2" };
        var single = new SingleHandler("single");
        using var engine = new EngineHarness(services =>
        {
            services.AddSingleton<ITimerHandler>(batch);
            services.AddSingleton<ITimerHandler>(single);
        });
        var now = engine.Clock.GetUtcNow();
        foreach (var id in new[] { "b1", "b2", "b3" })
        {
            await engine.Store.ScheduleTimerAsync(new ScheduledTimer(id, "batched", now, null), Ct);
        }

        await engine.Store.ScheduleTimerAsync(new ScheduledTimer("s1", "single", now, null), Ct);
        await engine.Store.ScheduleTimerAsync(new ScheduledTimer("later", "batched", now.AddMinutes(1), null), Ct);

        Assert.Equal(4, await engine.Runtime.ProcessDueTimersAsync(Ct));

        Assert.Equal([["b1", "b2", "b3"]], batch.Batches.Select(b => b.Select(t => t.Id).ToArray()));
        Assert.Equal(["s1"], single.Handled);

        // b2 was not returned: it stays leased and comes back after its lease, alone.
        engine.Clock.Advance(Lease);
        Assert.Equal(0, await engine.Runtime.ProcessDueTimersAsync(Ct));
        engine.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        batch.Refuse = null;
        Assert.Equal(2, await engine.Runtime.ProcessDueTimersAsync(Ct));
        Assert.Equal(["b2", "later"], batch.Batches[^1].Select(t => t.Id).Order(StringComparer.Ordinal));
        Assert.Null(await engine.Store.GetNextTimerDueAsync(Ct));
    }

    [Fact]
    public async Task A_timer_its_handler_moves_while_firing_is_kept_with_its_new_due_time()
    {
        var mover = new SingleHandler("moving");
        using var engine = new EngineHarness(services => services.AddSingleton<ITimerHandler>(mover));
        var now = engine.Clock.GetUtcNow();
        mover.OnHandle = timer => engine.Store.ScheduleTimerAsync(new ScheduledTimer(timer.Id, timer.Kind, now.AddHours(1), null), Ct);
        await engine.Store.ScheduleTimerAsync(new ScheduledTimer("m", "moving", now, null), Ct);

        Assert.Equal(1, await engine.Runtime.ProcessDueTimersAsync(Ct));

        Assert.Equal(now.AddHours(1), await engine.Store.GetNextTimerDueAsync(Ct));
    }

    private sealed class BatchHandler(string kind) : IBatchTimerHandler
    {
        public string Kind => kind;

        public string? Refuse { get; set; }

        public List<IReadOnlyList<DueTimer>> Batches { get; } = [];

        public Task HandleAsync(DueTimer timer, CancellationToken cancellationToken) => throw new InvalidOperationException("The runtime must use the batch method.");

        public Task<IReadOnlyCollection<string>> HandleBatchAsync(IReadOnlyList<DueTimer> timers, CancellationToken cancellationToken)
        {
            Batches.Add(timers);
            IReadOnlyCollection<string> done = [.. timers.Select(t => t.Id).Where(id => id != Refuse)];
            return Task.FromResult(done);
        }
    }

    private sealed class SingleHandler(string kind) : ITimerHandler
    {
        public string Kind => kind;

        public List<string> Handled { get; } = [];

        public Func<DueTimer, Task>? OnHandle { get; set; }

        public async Task HandleAsync(DueTimer timer, CancellationToken cancellationToken)
        {
            Handled.Add(timer.Id);
            if (OnHandle is not null)
            {
                await OnHandle(timer);
            }
        }
    }
}
