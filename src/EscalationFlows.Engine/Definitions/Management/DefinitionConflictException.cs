namespace EscalationFlows.Engine.Definitions.Management;

/// <summary>The change does not fit the definition's versions (deleting a published version, retracting nothing).</summary>
public sealed class DefinitionConflictException : Exception
{
    public DefinitionConflictException(string message)
        : base(message)
    {
    }

    public DefinitionConflictException()
    {
    }

    public DefinitionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
