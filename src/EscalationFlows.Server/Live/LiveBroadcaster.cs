using System.Threading.Channels;

namespace EscalationFlows.Server.Live;

/// <summary>
/// Hands committed changes to every open live connection of THIS process. Per node by design: a change committed on
/// another node of a cluster is not seen here, so the studio also reloads on focus and on an interval (docs/designer.md).
/// Each subscriber has a bounded queue; a subscriber that falls behind loses its oldest changes rather than slowing
/// down the commit that published them.
/// </summary>
public sealed class LiveBroadcaster
{
    /// <summary>How many changes wait for a slow subscriber before the oldest are dropped.</summary>
    public const int QueueCapacity = 256;

    private readonly Lock _gate = new();
    private Channel<LiveChange>[] _subscribers = [];

    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Starts receiving every change published from now on; dispose to stop.</summary>
    public LiveSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<LiveChange>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        lock (_gate)
        {
            _subscribers = [.. _subscribers, channel];
        }

        return new LiveSubscription(channel.Reader, () => Remove(channel));
    }

    /// <summary>Publishes a change that was committed; never blocks and never throws.</summary>
    public void Publish(LiveChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            subscriber.Writer.TryWrite(change);
        }
    }

    private void Remove(Channel<LiveChange> channel)
    {
        lock (_gate)
        {
            _subscribers = [.. _subscribers.Where(c => c != channel)];
        }

        channel.Writer.TryComplete();
    }
}
