namespace EscalationFlows.Engine.Runtime;

/// <summary>The bookmark was already consumed or cancelled, or the instance cannot be resumed now.</summary>
public sealed class BookmarkConflictException : Exception
{
    public BookmarkConflictException(string message)
        : base(message)
    {
    }

    public BookmarkConflictException()
    {
    }

    public BookmarkConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
