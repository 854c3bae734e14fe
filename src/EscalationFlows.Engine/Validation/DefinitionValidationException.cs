namespace EscalationFlows.Engine.Validation;

/// <summary>A definition was rejected; <see cref="Errors"/> names every problem found.</summary>
public sealed class DefinitionValidationException : Exception
{
    public DefinitionValidationException(IReadOnlyList<DefinitionError> errors)
        : base(BuildMessage(errors))
    {
        Errors = errors;
    }

    public DefinitionValidationException()
        : this([])
    {
    }

    public DefinitionValidationException(string message)
        : base(message)
    {
        Errors = [new DefinitionError(string.Empty, DefinitionErrorCodes.Schema, message)];
    }

    public DefinitionValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new DefinitionError(string.Empty, DefinitionErrorCodes.Schema, message)];
    }

    public IReadOnlyList<DefinitionError> Errors { get; } = [];

    private static string BuildMessage(IReadOnlyList<DefinitionError> errors) =>
        errors.Count == 0
            ? "The workflow definition is invalid."
            : $"The workflow definition is invalid: {string.Join("; ", errors.Take(5).Select(e => $"{(e.Pointer.Length == 0 ? "/" : e.Pointer)}: {e.Message}"))}{(errors.Count > 5 ? $" (and {errors.Count - 5} more)" : string.Empty)}";
}
