namespace EscalationFlows.Engine.Execution;

/// <summary>The input passed to start an instance does not match the definition's declared inputs.</summary>
public sealed class WorkflowInputException : Exception
{
    public WorkflowInputException(IReadOnlyList<(string Pointer, string Message)> errors)
        : base(string.Join("; ", errors.Select(e => $"{e.Pointer}: {e.Message}")))
    {
        Errors = errors;
    }

    public WorkflowInputException()
    {
    }

    public WorkflowInputException(string message)
        : base(message)
    {
        Errors = [(string.Empty, message)];
    }

    public WorkflowInputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [(string.Empty, message)];
    }

    public IReadOnlyList<(string Pointer, string Message)> Errors { get; } = [];
}
