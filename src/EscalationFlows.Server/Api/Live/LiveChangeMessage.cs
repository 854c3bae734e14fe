namespace EscalationFlows.Server.Api.Live;

/// <summary>
/// The data of a <c>change</c> event on <c>GET /api/live</c>: what changed (<c>instance</c> or <c>task</c>), its id and its
/// status now. Reload the instance or task to see the rest. The first event of a stream is <c>ready</c> (with
/// <c>type</c> "ready"): from then on no change is missed; <c>ping</c> events keep idle connections open.
/// </summary>
public sealed record LiveChangeMessage(string Type, string Id, string Status)
{
    public static LiveChangeMessage Ready { get; } = new("ready", string.Empty, string.Empty);

    public static LiveChangeMessage Ping { get; } = new("ping", string.Empty, string.Empty);
}
