namespace EscalationFlows.Persistence.HumanTasks;

/// <summary>
/// A task (or its client link) is no longer in the state an action was decided on: already completed or cancelled,
/// changed by someone else since it was read, or a client link already used, revoked or expired. Nothing was written.
/// </summary>
public sealed class HumanTaskConflictException : Exception
{
    public const string NotOpen = "task-not-open";
    public const string Changed = "task-changed";
    public const string LinkUnusable = "client-link-unusable";

    public HumanTaskConflictException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public HumanTaskConflictException()
        : this(Changed, "The task changed meanwhile.")
    {
    }

    public HumanTaskConflictException(string message)
        : this(Changed, message)
    {
    }

    public HumanTaskConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = Changed;
    }

    /// <summary>One of <see cref="NotOpen"/>, <see cref="Changed"/>, <see cref="LinkUnusable"/>.</summary>
    public string Code { get; }
}
