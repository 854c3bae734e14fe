using System.Collections.Concurrent;
using EscalationFlows.Engine.Execution;
using EscalationFlows.Engine.Runtime;

namespace EscalationFlows.Server.Tests.Support;

/// <summary>Delivers <see cref="NotifyActivity"/> messages into a list, failing the first <see cref="FailuresLeft"/> attempts.</summary>
public sealed class RecordingOutboxHandler : IOutboxHandler
{
    private int _failuresLeft;

    public string Kind => NotifyActivity.Kind;

    public ConcurrentQueue<OutboxMessage> Delivered { get; } = new();

    public int Attempts { get; private set; }

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        Attempts++;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new HttpRequestException("The mail server is down (simulated).");
        }

        Delivered.Enqueue(message);
        return Task.CompletedTask;
    }
}
