using System.Text.Json.Nodes;
using EscalationFlows.Engine.Activities.BuiltIn;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;
using EscalationFlows.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static EscalationFlows.Engine.Tests.Support.Flow;

namespace EscalationFlows.Engine.Tests.Runtime;

/// <summary>A message whose delivery keeps failing waits longer after each attempt: 5 s, 10 s, 20 s, … up to the cap.</summary>
public sealed class OutboxRetryBackoffTests
{
    [Fact]
    public async Task Failed_deliveries_are_retried_after_doubling_waits_up_to_the_cap()
    {
        var handler = new RefusingHandler();
        using var engine = new EngineHarness(services =>
        {
            services.AddSingleton<IOutboxHandler>(handler);
            services.Configure<RuntimeOptions>(o =>
            {
                o.OutboxRetryDelay = TimeSpan.FromSeconds(5);
                o.OutboxMaxRetryDelay = TimeSpan.FromSeconds(30);
            });
        });
        handler.Clock = engine.Clock;
        engine.Publish(new Flow("hook")
            .Add("start", "Start")
            .Add("send", "SendWebhook", Literal("url", "https://hooks.example.com/"), Literal("body", "hello"))
            .Chain("start", "send")
            .Json);
        await engine.StartAsync("hook");
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(1, await engine.Runtime.ProcessOutboxAsync(cancellationToken: ct));
        var expectedWaits = new[] { 5, 10, 20, 30, 30 };
        foreach (var wait in expectedWaits)
        {
            // Not a moment before its time ...
            engine.Clock.Advance(TimeSpan.FromSeconds(wait) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, await engine.Runtime.ProcessOutboxAsync(cancellationToken: ct));

            // ... and again once it has come.
            engine.Clock.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(1, await engine.Runtime.ProcessOutboxAsync(cancellationToken: ct));
        }

        var start = EngineHarness.Epoch;
        Assert.Equal([start, start.AddSeconds(5), start.AddSeconds(15), start.AddSeconds(35), start.AddSeconds(65), start.AddSeconds(95)], handler.Attempts);
        Assert.Equal([1, 2, 3, 4, 5, 6], handler.AttemptNumbers);
        Assert.Empty(engine.Store.DeliveredOutbox);
    }

    /// <summary>Refuses every webhook, noting when it was tried and which attempt the runtime said it was.</summary>
    private sealed class RefusingHandler : IOutboxHandler
    {
        private readonly List<DateTimeOffset> _attempts = [];
        private readonly List<int> _numbers = [];

        public string Kind => SendWebhookActivity.OutboxKind;

        public IReadOnlyList<DateTimeOffset> Attempts => _attempts;

        public IReadOnlyList<int> AttemptNumbers => _numbers;

        public TimeProvider Clock { get; set; } = TimeProvider.System;

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            _attempts.Add(Clock.GetUtcNow());
            _numbers.Add(message.Attempts);
            throw new HttpRequestException("The receiver is down.");
        }
    }
}
