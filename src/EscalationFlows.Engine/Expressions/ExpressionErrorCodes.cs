namespace EscalationFlows.Engine.Expressions;

public static class ExpressionErrorCodes
{
    public const string Parse = "expression-parse";
    public const string Error = "expression-error";
    public const string Timeout = "expression-timeout";
    public const string StatementLimit = "expression-statement-limit";
    public const string MemoryLimit = "expression-memory-limit";
    public const string RecursionLimit = "expression-recursion-limit";
    public const string Forbidden = "expression-forbidden";
    public const string TooLong = "expression-too-long";
    public const string TemplateLimit = "template-limit";
    public const string TemplateError = "template-error";
}
