namespace EscalationFlows.Engine.Runtime;

/// <summary>
/// Thrown by an <see cref="IOutboxHandler"/> when a message can never be delivered as it is (a mail server rejected
/// every recipient, the payload is unusable): the runtime logs it and parks the message as failed, with
/// <c>rejected: …</c> as its last error and no further attempt, instead of retrying it. Any other exception is a
/// transient failure and is retried.
/// </summary>
public sealed class OutboxDeliveryRejectedException : Exception
{
    public OutboxDeliveryRejectedException()
        : base("The outbox message was rejected.")
    {
    }

    public OutboxDeliveryRejectedException(string message)
        : base(message)
    {
    }

    public OutboxDeliveryRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The retry time that parks a rejected message: it never comes due.</summary>
    public static DateTimeOffset Never => DateTimeOffset.MaxValue;

    /// <summary>The prefix of the last error recorded for a rejected message.</summary>
    public const string ErrorPrefix = "rejected: ";
}
