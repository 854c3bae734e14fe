using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using EscalationFlows.Server.Auth;
using EscalationFlows.Server.Live;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EscalationFlows.Server.Api.Live;

/// <summary>
/// <c>GET /api/live</c>: a server-sent event stream of the changes the caller may see, published after each commit on
/// this node (<see cref="LiveBroadcaster"/>). Instances need <c>instances.read</c>; tasks follow the inbox's visibility.
/// </summary>
public static class LiveEndpoints
{
    public const string ChangeEvent = "change";
    public const string ReadyEvent = "ready";
    public const string PingEvent = "ping";

    /// <summary>How long an idle stream waits before it sends a <c>ping</c> (proxies close silent connections).</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(25);

    public static RouteGroupBuilder MapLiveEndpoints(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet(string.Empty, StreamAsync)
            .RequireAuthorization(Permissions.SignedIn)
            .WithName("StreamLiveChanges")
            .WithSummary("Streams change notifications (server-sent events)")
            .WithDescription("`text/event-stream`. First a `ready` event, then one `change` event per committed change the caller may see: " +
                "`{ type: \"instance\" | \"task\" | \"escalation\", id, status }` (instances with `instances.read`; escalations with `escalations.read`, status " +
                "`changed`, also after a flag or elevation through the API; tasks by the inbox's visibility rules), and a `ping` " +
                "when idle. Changes are published by the node that committed them only: reload on focus or on an interval as well.")
            .ProducesApiProblems(StatusCodes.Status401Unauthorized);
        return group;
    }

    private static async Task<ServerSentEventsResult<LiveChangeMessage>> StreamAsync(HttpContext context, LiveBroadcaster broadcaster, IAuthorizationService authorization,
        TimeProvider clock, IHostApplicationLifetime lifetime)
    {
        var user = CurrentUser.From(context.User);
        var readsInstances = (await authorization.AuthorizeAsync(context.User, Permissions.InstancesRead)).Succeeded;
        var readsEscalations = (await authorization.AuthorizeAsync(context.User, Permissions.EscalationsRead)).Succeeded;
        var subscription = broadcaster.Subscribe();
        context.Response.RegisterForDispose(subscription);
        context.Response.Headers.CacheControl = "no-store";

        // Proxies such as nginx buffer responses unless told not to; a buffered event stream never arrives.
        context.Response.Headers["X-Accel-Buffering"] = "no";
        var filter = new LiveChangeFilter(user, readsInstances, readsEscalations);
        return TypedResults.ServerSentEvents(EventsAsync(subscription, filter, clock, context.RequestAborted, lifetime.ApplicationStopping));
    }

    private static async IAsyncEnumerable<SseItem<LiveChangeMessage>> EventsAsync(LiveSubscription subscription, LiveChangeFilter filter, TimeProvider clock,
        CancellationToken requestAborted, CancellationToken serverStopping, [EnumeratorCancellation] CancellationToken enumeration = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, serverStopping, enumeration);
        var cancellationToken = stop.Token;
        using (subscription)
        {
            yield return new SseItem<LiveChangeMessage>(LiveChangeMessage.Ready, ReadyEvent);
            while (true)
            {
                var next = await NextAsync(subscription, clock, cancellationToken);
                if (next.Stopped)
                {
                    yield break;
                }

                if (next.Change is null)
                {
                    yield return new SseItem<LiveChangeMessage>(LiveChangeMessage.Ping, PingEvent);
                }
                else if (await filter.MaySeeAsync(next.Change))
                {
                    yield return new SseItem<LiveChangeMessage>(new LiveChangeMessage(next.Change.Type, next.Change.Id, next.Change.Status), ChangeEvent);
                }
            }
        }
    }

    /// <summary>The next change; no change after <see cref="PingInterval"/>; or stopped (the caller left, or the server stops).</summary>
    private static async Task<(LiveChange? Change, bool Stopped)> NextAsync(LiveSubscription subscription, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (subscription.Changes.TryRead(out var ready))
        {
            return (ready, false);
        }

        using var idle = new CancellationTokenSource(PingInterval, clock);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            if (!await subscription.Changes.WaitToReadAsync(wait.Token))
            {
                return (null, true);
            }

            return subscription.Changes.TryRead(out var change) ? (change, false) : (null, false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, false);
        }
        catch (OperationCanceledException)
        {
            return (null, true);
        }
    }
}
