namespace EscalationFlows.Engine.Runtime;

/// <summary>A definition, version, instance or bookmark that was asked for does not exist.</summary>
public sealed class WorkflowNotFoundException : Exception
{
    public WorkflowNotFoundException(string message)
        : base(message)
    {
    }

    public WorkflowNotFoundException()
    {
    }

    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
