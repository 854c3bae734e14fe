namespace EscalationFlows.Engine.Execution;

/// <summary>The requested operation does not fit the instance's status (resuming a cancelled instance, retrying a running one).</summary>
public sealed class InstanceStateException : Exception
{
    public InstanceStateException(string message)
        : base(message)
    {
    }

    public InstanceStateException()
    {
    }

    public InstanceStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
