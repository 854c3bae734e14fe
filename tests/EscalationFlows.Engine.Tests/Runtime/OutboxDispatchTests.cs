using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Runtime;

public sealed class OutboxDispatchTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_slow_delivery_holds_up_only_its_own_instances_later_messages()
    {
        var handler = new GatedOutboxHandler();
        using var engine = new EngineHarness(services => services.AddSingleton<IOutboxHandler>(handler));
        engine.Publish(new Flow("two-hooks")
            .Inputs([new JsonObject { ["name"] = "name", ["type"] = "string" }])
            .Add("start", "Start")
            .Add("first", "SendWebhook", Literal("url", "https://hooks.example.com/"), Template("body", "{{ name }}-1"))
            .Add("second", "SendWebhook", Literal("url", "https://hooks.example.com/"), Template("body", "{{ name }}-2"))
            .Chain("start", "first", "second")
            .Json);
        await engine.StartAsync("two-hooks", new JsonObject { ["name"] = "a" });
        await engine.StartAsync("two-hooks", new JsonObject { ["name"] = "b" });

        var batch = engine.Runtime.ProcessOutboxAsync(cancellationToken: TestContext.Current.CancellationToken);

        // a-1 is the first message claimed and is held: b's messages go out meanwhile, a-2 waits behind a-1.
        await handler.DeliveredAsync("b-2").WaitAsync(Guard, TestContext.Current.CancellationToken);
        Assert.Equal(["a-1", "b-1", "b-2"], handler.Started);
        handler.Release();
        Assert.Equal(4, await batch.WaitAsync(Guard, TestContext.Current.CancellationToken));
        Assert.Equal(["a-1", "b-1", "b-2", "a-2"], handler.Started);
        Assert.Equal(4, engine.Store.DeliveredOutbox.Count);
    }

    /// <summary>Delivers webhook messages, holding the first one it gets until <see cref="Release"/>.</summary>
    private sealed class GatedOutboxHandler : IOutboxHandler
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _delivered = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentQueue<string> _order = new();
        private int _count;

        public string Kind => SendWebhookActivity.OutboxKind;

        public IReadOnlyList<string> Started => [.. _order];

        public Task DeliveredAsync(string body) => Signal(body).Task;

        public void Release() => _release.TrySetResult();

        public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var body = message.Payload["body"]!.GetValue<string>();
            _order.Enqueue(body);
            if (Interlocked.Increment(ref _count) == 1)
            {
                await _release.Task.WaitAsync(cancellationToken);
            }

            Signal(body).TrySetResult();
        }

        private TaskCompletionSource Signal(string body) =>
            _delivered.GetOrAdd(body, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
