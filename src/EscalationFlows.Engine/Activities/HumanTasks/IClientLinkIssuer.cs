namespace EscalationFlows.Engine.Activities.HumanTasks;

/// <summary>
/// Signs links that let a person without an account (the client) answer one thing once. The host provides it (the
/// server signs with its client-link key); issuing is pure computation, so an activity can call it inside a burst and
/// record the link with its effects. Without an issuer, a task for the client faults with a clear message.
/// </summary>
public interface IClientLinkIssuer
{
    /// <param name="linkId">The link's id (the activity uses a new engine id, so runs are reproducible).</param>
    /// <param name="purpose">What the link may do, such as <c>task</c>; a link never works for another purpose.</param>
    /// <param name="subjectId">What it is about, such as the task id.</param>
    /// <param name="issuedAt">Now, on the engine's clock; the expiry is computed from it.</param>
    ClientLinkTicket Issue(string linkId, string purpose, string subjectId, DateTimeOffset issuedAt);
}
