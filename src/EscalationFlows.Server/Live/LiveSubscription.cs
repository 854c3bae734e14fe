using System.Threading.Channels;

namespace EscalationFlows.Server.Live;

/// <summary>One live connection's queue of changes; disposing it unsubscribes.</summary>
public sealed class LiveSubscription : IDisposable
{
    private readonly Action _unsubscribe;
    private int _disposed;

    internal LiveSubscription(ChannelReader<LiveChange> changes, Action unsubscribe)
    {
        Changes = changes;
        _unsubscribe = unsubscribe;
    }

    public ChannelReader<LiveChange> Changes { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _unsubscribe();
        }
    }
}
