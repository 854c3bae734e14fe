namespace EscalationFlows.Engine.Expressions;

/// <summary>An expression failed to parse, ran out of budget, or threw; <see cref="Code"/> says which.</summary>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string code, string message, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
    }

    public ExpressionException()
        : this(ExpressionErrorCodes.Error, "The expression failed.")
    {
    }

    public ExpressionException(string message)
        : this(ExpressionErrorCodes.Error, message)
    {
    }

    public ExpressionException(string message, Exception innerException)
        : this(ExpressionErrorCodes.Error, message, innerException)
    {
    }

    public string Code { get; }
}
