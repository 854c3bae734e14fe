namespace EscalationFlows.Engine.Runtime;

/// <summary>Another writer changed the instance (or wrote the same idempotency key) first; reload and decide again.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
