namespace EscalationFlows.Engine.Validation;

public static class DefinitionErrorCodes
{
    public const string InvalidJson = "invalid-json";
    public const string Schema = "schema";
    public const string UnknownActivityType = "unknown-activity-type";
    public const string DuplicateId = "duplicate-id";
    public const string DanglingConnection = "dangling-connection";
    public const string UnknownPort = "unknown-port";
    public const string MissingRequiredInput = "missing-required-input";
    public const string UnknownInput = "unknown-input";
    public const string UnknownOutput = "unknown-output";
    public const string UnreachableActivity = "unreachable-activity";
    public const string NoStart = "no-start";
    public const string ExpressionParse = "expression-parse";
    public const string ExpressionNotAllowed = "expression-not-allowed";
    public const string UndeclaredVariable = "undeclared-variable";
    public const string UndeclaredInput = "undeclared-input";
    public const string DuplicateName = "duplicate-name";
    public const string ReservedName = "reserved-name";
    public const string InvalidValue = "invalid-value";
}
