namespace EscalationFlows.Escalations.Notifications;

/// <summary>A mail payload that can never be sent as it is; <see cref="Field"/> names the offending field ("" for the whole payload).</summary>
public sealed class MailPayloadException : Exception
{
    public MailPayloadException(string field, string message)
        : base(message) => Field = field;

    public MailPayloadException()
        : this("", "The mail payload is invalid.")
    {
    }

    public MailPayloadException(string message)
        : this("", message)
    {
    }

    public MailPayloadException(string message, Exception innerException)
        : base(message, innerException) => Field = "";

    public string Field { get; } = "";
}
