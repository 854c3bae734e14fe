using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>Collects the warnings EF Core logs (errors are expected where a test provokes a conflict).</summary>
public sealed class WarningCollector : ILoggerProvider
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(WarningCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Warning && category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Warnings.Enqueue($"{logLevel} {category} {eventId.Name}: {formatter(state, exception)}");
            }
        }
    }
}
