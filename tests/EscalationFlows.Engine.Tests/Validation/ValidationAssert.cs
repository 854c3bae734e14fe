using EscalationFlows.Engine.Validation;

namespace EscalationFlows.Engine.Tests.Validation;

internal static class ValidationAssert
{
    /// <summary>Asserts the read failed with an error of this code at this pointer, and returns it.</summary>
    public static DefinitionError HasError(DefinitionReadResult result, string pointer, string code)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        var error = result.Errors.FirstOrDefault(e => e.Pointer == pointer && e.Code == code);
        Assert.True(error is not null, $"Expected {code} at '{pointer}', got:{Environment.NewLine}{Describe(result)}");
        Assert.EndsWith(".", error!.Message, StringComparison.Ordinal);
        return error;
    }

    public static string Describe(DefinitionReadResult result) =>
        string.Join(Environment.NewLine, result.Errors.Select(e => $"  '{e.Pointer}' [{e.Code}] {e.Message}"));
}
