namespace EscalationFlows.Persistence.Identity;

/// <summary>A user with this email, or a team with this name, already exists. Nothing was written.</summary>
public sealed class IdentityConflictException : Exception
{
    public IdentityConflictException()
    {
    }

    public IdentityConflictException(string message)
        : base(message)
    {
    }

    public IdentityConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
