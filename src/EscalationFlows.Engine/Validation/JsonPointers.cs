namespace EscalationFlows.Engine.Validation;

/// <summary>Builds RFC 6901 JSON pointers.</summary>
public static class JsonPointers
{
    public static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Activity(int index) => $"/root/activities/{index}";

    public static string ActivityInput(int index, string input) => $"/root/activities/{index}/inputs/{Escape(input)}";

    public static string Connection(int index) => $"/root/connections/{index}";
}
