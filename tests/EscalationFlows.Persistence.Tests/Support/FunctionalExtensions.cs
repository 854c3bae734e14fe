namespace EscalationFlows.Persistence.Tests.Support;

internal static class FunctionalExtensions
{
    public static TResult Let<T, TResult>(this T value, Func<T, TResult> map) => map(value);
}
