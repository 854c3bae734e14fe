namespace EscalationFlows.Escalations.Sla.Storage;

/// <summary>
/// Durable storage of tickets, SLA clocks, policies and calendars, in the same database as the workflow runtime (so a
/// clock change and the threshold timers it moves commit in one transaction). Implemented by the EF Core store.
/// </summary>
public interface ISlaStore
{
    /// <summary>
    /// Runs <paramref name="work"/> in ONE database transaction and commits it, or nothing. When a concurrent writer
    /// changed a row the work read (optimistic revision, unique key, serialization failure), the transaction is rolled
    /// back and the work runs again on fresh data, so it must have no effect outside the session.
    /// </summary>
    /// <exception cref="Engine.Runtime.ConcurrencyConflictException">When the rows kept changing for every attempt.</exception>
    Task<T> ExecuteAsync<T>(Func<ISlaSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);

    /// <summary>Runs read-only <paramref name="work"/> without a transaction; the session refuses writes.</summary>
    Task<T> ReadAsync<T>(Func<ISlaSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
