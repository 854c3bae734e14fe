using System.Collections.Concurrent;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EscalationFlows.Engine.Tests.Runtime;

public sealed class TimerDispatchTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Timers_of_different_instances_fire_in_parallel_and_an_instances_own_timers_in_due_order()
    {
        var handler = new GatedTimerHandler("a-1");
        using var engine = new EngineHarness(services => services.AddSingleton<ITimerHandler>(handler));
        var now = engine.Clock.GetUtcNow();
        await engine.Store.ScheduleTimerAsync(new ScheduledTimer("a-1", GatedTimerHandler.TimerKind, now.AddSeconds(1), null, "instance-a"), CancellationToken.None);
        await engine.Store.ScheduleTimerAsync(new ScheduledTimer("a-2", GatedTimerHandler.TimerKind, now.AddSeconds(2), null, "instance-a"), CancellationToken.None);
        await engine.Store.ScheduleTimerAsync(new ScheduledTimer("b-1", GatedTimerHandler.TimerKind, now.AddSeconds(3), null, "instance-b"), CancellationToken.None);
        engine.Clock.Advance(TimeSpan.FromSeconds(5));

        var batch = engine.Runtime.ProcessDueTimersAsync(TestContext.Current.CancellationToken);

        // a-1 is held: b-1 (another instance) fires meanwhile, a-2 (same instance, due later) waits for a-1.
        await handler.StartedAsync("b-1").WaitAsync(Guard, TestContext.Current.CancellationToken);
        Assert.Equal(["a-1", "b-1"], handler.Started);
        handler.Release();
        Assert.Equal(3, await batch.WaitAsync(Guard, TestContext.Current.CancellationToken));
        Assert.Equal(["a-1", "b-1", "a-2"], handler.Started);
        Assert.Null(await engine.NextTimerDueAsync());
    }

    /// <summary>Records the order timers start in; the timer named in the constructor waits until <see cref="Release"/>.</summary>
    private sealed class GatedTimerHandler(string heldTimerId) : ITimerHandler
    {
        public const string TimerKind = "test.gated";

        private readonly ConcurrentDictionary<string, TaskCompletionSource> _started = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _order = new();

        public string Kind => TimerKind;

        public IReadOnlyList<string> Started => [.. _order];

        public Task StartedAsync(string timerId) => Signal(timerId).Task;

        public void Release() => _release.TrySetResult();

        public async Task HandleAsync(DueTimer timer, CancellationToken cancellationToken)
        {
            _order.Enqueue(timer.Id);
            Signal(timer.Id).TrySetResult();
            if (timer.Id == heldTimerId)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }
        }

        private TaskCompletionSource Signal(string timerId) =>
            _started.GetOrAdd(timerId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
