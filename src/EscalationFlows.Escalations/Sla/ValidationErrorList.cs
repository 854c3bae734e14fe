using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Escalations.Sla;

/// <summary>Collects pointer + sentence errors while a definition is validated.</summary>
internal sealed class ValidationErrorList
{
    private readonly List<DefinitionError> errors = [];

    public IReadOnlyList<DefinitionError> Errors => errors;

    public int Count => errors.Count;

    public void Add(string pointer, string code, string message) => errors.Add(new DefinitionError(pointer, code, message));

    /// <summary>Checks an identifier: 1–100 characters, letters, digits, '.', '_' or '-', starting with a letter or digit.</summary>
    public bool Identifier(string pointer, string? value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(pointer, SlaErrorCodes.Required, $"The {what} is required.");
            return false;
        }

        if (value.Length > 100 || !char.IsAsciiLetterOrDigit(value[0]) || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            Add(pointer, SlaErrorCodes.InvalidFormat, $"The {what} '{value}' must be 1 to 100 characters of letters, digits, '.', '_' or '-', starting with a letter or digit.");
            return false;
        }

        return true;
    }

    /// <summary>Checks a display text: required, at most <paramref name="maxLength"/> characters.</summary>
    public bool Text(string pointer, string? value, string what, int maxLength = 200, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(pointer, SlaErrorCodes.Required, $"The {what} is required.");
            }

            return !required;
        }

        if (value.Length > maxLength)
        {
            Add(pointer, SlaErrorCodes.OutOfRange, $"The {what} must be at most {maxLength} characters long (it has {value.Length}).");
            return false;
        }

        return true;
    }
}
