namespace EscalationFlows.Engine.Execution;

/// <summary>The bookmark is not (or no longer) active in the instance: consumed, cancelled, or never existed.</summary>
public sealed class BookmarkNotActiveException : Exception
{
    public BookmarkNotActiveException(string bookmarkId, string instanceId)
        : base($"Bookmark '{bookmarkId}' is not active in instance '{instanceId}': it was already resumed or cancelled.")
    {
        BookmarkId = bookmarkId;
        InstanceId = instanceId;
    }

    public BookmarkNotActiveException()
    {
        BookmarkId = string.Empty;
        InstanceId = string.Empty;
    }

    public BookmarkNotActiveException(string message)
        : base(message)
    {
        BookmarkId = string.Empty;
        InstanceId = string.Empty;
    }

    public BookmarkNotActiveException(string message, Exception innerException)
        : base(message, innerException)
    {
        BookmarkId = string.Empty;
        InstanceId = string.Empty;
    }

    public string BookmarkId { get; }

    public string InstanceId { get; }
}
