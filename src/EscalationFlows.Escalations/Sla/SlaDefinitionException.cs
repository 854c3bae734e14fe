using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Escalations.Sla;

/// <summary>A business calendar or SLA policy definition was rejected; <see cref="Errors"/> names every problem with a JSON pointer.</summary>
public sealed class SlaDefinitionException : Exception
{
    /// <summary>Creates the exception for a definition of the given kind (for example "business calendar") and its problems.</summary>
    public SlaDefinitionException(string definitionKind, IReadOnlyList<DefinitionError> errors)
        : base(BuildMessage(definitionKind, errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a plain message and no pointer errors.</summary>
    public SlaDefinitionException()
        : this("definition", [])
    {
    }

    /// <summary>Creates the exception with a plain message and no pointer errors.</summary>
    public SlaDefinitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a plain message and an inner exception.</summary>
    public SlaDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Every problem found: a JSON pointer into the definition, a code from <see cref="SlaErrorCodes"/>, and a plain sentence.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; } = [];

    private static string BuildMessage(string kind, IReadOnlyList<DefinitionError> errors) =>
        errors.Count == 0
            ? $"The {kind} is invalid."
            : $"The {kind} is invalid: {string.Join("; ", errors.Take(5).Select(e => $"{(e.Pointer.Length == 0 ? "/" : e.Pointer)}: {e.Message}"))}{(errors.Count > 5 ? $" (and {errors.Count - 5} more)" : string.Empty)}";
}
