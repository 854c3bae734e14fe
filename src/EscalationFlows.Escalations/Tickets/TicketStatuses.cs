namespace EscalationFlows.Escalations.Tickets;

/// <summary>
/// The statuses the SLA clocks understand. Statuses are lowercase identifiers; others are allowed (a policy can pause
/// on any status, for example "awaiting-vendor"). What each status does to the clocks:
/// <list type="bullet">
/// <item><see cref="New"/> and <see cref="Open"/>: nobody has answered yet; both clocks run.</item>
/// <item>Any other status (for example <see cref="InProgress"/>, <see cref="AwaitingClient"/>) counts as the first response: the response clock stops.</item>
/// <item>A status the policy lists in its pause conditions (by default <see cref="AwaitingClient"/>, <see cref="OnHoldByClient"/>) pauses the resolution clock; any other status resumes it.</item>
/// <item><see cref="Resolved"/> and <see cref="Closed"/> stop both clocks (met or breached).</item>
/// </list>
/// </summary>
public static class TicketStatuses
{
    public const string New = "new";
    public const string Open = "open";
    public const string InProgress = "in-progress";
    public const string AwaitingClient = "awaiting-client";
    public const string OnHoldByClient = "on-hold-by-client";
    public const string Resolved = "resolved";
    public const string Closed = "closed";

    /// <summary>True for statuses that end the ticket's SLA clocks.</summary>
    public static bool StopsClocks(string status) =>
        string.Equals(status, Resolved, StringComparison.OrdinalIgnoreCase) || string.Equals(status, Closed, StringComparison.OrdinalIgnoreCase);

    /// <summary>True for statuses that mean someone has answered the client (every status but new and open).</summary>
    public static bool CountsAsResponse(string status) =>
        !string.Equals(status, New, StringComparison.OrdinalIgnoreCase) && !string.Equals(status, Open, StringComparison.OrdinalIgnoreCase);
}
