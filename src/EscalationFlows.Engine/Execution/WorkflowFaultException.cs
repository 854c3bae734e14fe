namespace EscalationFlows.Engine.Execution;

/// <summary>Thrown by activities to fail on purpose with a clear message and code.</summary>
public sealed class WorkflowFaultException : Exception
{
    public WorkflowFaultException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public WorkflowFaultException(string code, string message, Exception innerException)
        : base(message, innerException)
    {
        Code = code;
    }

    public WorkflowFaultException()
        : this("activity-error", "The activity failed.")
    {
    }

    public WorkflowFaultException(string message)
        : this("activity-error", message)
    {
    }

    public WorkflowFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "activity-error";
    }

    public string Code { get; } = "activity-error";
}
