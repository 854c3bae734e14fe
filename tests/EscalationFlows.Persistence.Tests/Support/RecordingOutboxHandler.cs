using System.Collections.Concurrent;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>Delivers <see cref="NotifyActivity.Kind"/> messages into a list; can be told to fail the next deliveries.</summary>
public sealed class RecordingOutboxHandler : IOutboxHandler
{
    private int _failuresLeft;

    public string Kind => NotifyActivity.Kind;

    public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

    public void FailNext(int count) => Interlocked.Exchange(ref _failuresLeft, count);

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("The mail server is down (test).");
        }

        Delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
