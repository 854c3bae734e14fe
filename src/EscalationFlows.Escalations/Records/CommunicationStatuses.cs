namespace EscalationFlows.Escalations.Records;

/// <summary>Where a logged message stands. Mail and webhooks are <c>queued</c> until the outbox delivers them (<c>sent</c>) or keeps failing (<c>retrying</c>).</summary>
public static class CommunicationStatuses
{
    public const string Queued = "queued";
    public const string Sent = "sent";
    public const string Retrying = "retrying";

    /// <summary>Shown on the client page at once.</summary>
    public const string Posted = "posted";

    /// <summary>Nobody to send it to (for example no client email on the record); logged, not sent.</summary>
    public const string NoRecipient = "no-recipient";

    /// <summary>Its templates failed when the step committed; the body holds the error. Nothing was sent.</summary>
    public const string RenderFailed = "render-failed";

    /// <summary>An inbound message.</summary>
    public const string Received = "received";
}
