using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace EscalationFlows.Persistence.Tests.Support;

/// <summary>Records the ids of every event EF Core logs (Debug and up), to assert which database operations ran.</summary>
public sealed class EfEventRecorder : ILoggerProvider
{
    public ConcurrentQueue<EventId> Events { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(EfEventRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Events.Enqueue(eventId);
    }
}
