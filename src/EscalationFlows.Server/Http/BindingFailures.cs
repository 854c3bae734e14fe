using System.Text.RegularExpressions;

namespace EscalationFlows.Server.Http;

/// <summary>
/// Turns ASP.NET Core's parameter-binding failure ("Failed to bind parameter "int? page" from "two".") into an
/// <c>invalid-parameter</c> error naming the parameter, without the C# type.
/// </summary>
public static partial class BindingFailures
{
    public static ApiRequestException? TryDescribe(BadHttpRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var match = FailedToBind().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }

        var name = match.Groups["name"].Value;
        // The type is written as C# ("int?") or as a framework name ("Nullable<int>", "Int64").
        var type = match.Groups["type"].Value.ToUpperInvariant();
        var kind = type.Contains("INT", StringComparison.Ordinal) || type.Contains("LONG", StringComparison.Ordinal) ? "a whole number"
            : type.Contains("BOOL", StringComparison.Ordinal) ? "true or false"
            : "a value of the expected type";
        var message = $"'{match.Groups["value"].Value}' is not a valid '{name}': it must be {kind}.";
        return ApiRequestException.BadParameter(name, message);
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex FailedToBind();
}
