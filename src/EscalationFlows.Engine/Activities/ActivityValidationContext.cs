using EscalationFlows.Engine.Definitions;
using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Engine.Activities;

/// <summary>Lets an activity report problems with its node, and check expressions nested in its inputs.</summary>
public sealed class ActivityValidationContext
{
    private readonly List<DefinitionError> _errors;
    private readonly Action<ExpressionDefinition, string> _checkExpression;

    internal ActivityValidationContext(WorkflowDefinition definition, string pointer, List<DefinitionError> errors, Action<ExpressionDefinition, string> checkExpression)
    {
        Definition = definition;
        Pointer = pointer;
        _errors = errors;
        _checkExpression = checkExpression;
    }

    public WorkflowDefinition Definition { get; }

    /// <summary>JSON pointer of the activity node.</summary>
    public string Pointer { get; }

    public string InputPointer(string input) => $"{Pointer}/inputs/{JsonPointers.Escape(input)}";

    public void AddError(string pointer, string code, string message) => _errors.Add(new DefinitionError(pointer, code, message));

    /// <summary>Checks an expression found inside an input (for example each condition of a Switch).</summary>
    public void CheckExpression(ExpressionDefinition expression, string pointer) => _checkExpression(expression, pointer);
}
