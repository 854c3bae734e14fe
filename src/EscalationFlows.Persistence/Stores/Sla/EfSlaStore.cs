using EscalationFlows.Engine.Runtime;
using EscalationFlows.Escalations.Sla.Storage;
using EscalationFlows.Persistence.Diagnostics;
using EscalationFlows.Persistence.Providers;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Stores.Sla;

/// <summary>
/// The EF Core <see cref="ISlaStore"/>. <see cref="ExecuteAsync{T}"/> opens ONE transaction (SQLite: <c>BEGIN
/// IMMEDIATE</c>), runs the work on an <see cref="EfSlaSession"/>, writes its staged timer upserts and deletes on
/// <c>wf_timers</c> in that transaction, then calls <c>SaveChanges</c> once and commits. A conflict (a clock or ticket revision
/// that moved, a duplicate (source, external id), a serialization failure or deadlock) rolls everything back and the
/// work runs again on fresh rows.
/// </summary>
public sealed class EfSlaStore : ISlaStore
{
    private const int MaxAttempts = 10;

    private readonly IDbContextFactory<EscalationFlowsDbContext> _contexts;
    private readonly StoreDialect _dialect;
    private readonly SlaDocumentCache _cache;
    private readonly StoreDiagnostics _diagnostics;

    internal EfSlaStore(IDbContextFactory<EscalationFlowsDbContext> contexts, StoreDialect dialect, SlaDocumentCache cache, StoreDiagnostics diagnostics)
    {
        _contexts = contexts;
        _dialect = dialect;
        _cache = cache;
        _diagnostics = diagnostics;
    }

    public async Task<T> ExecuteAsync<T>(Func<ISlaSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var session = new EfSlaSession(db, _dialect, _cache, readOnly: false);
                var result = await work(session, cancellationToken);
                await session.FlushAsync(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (IsConflict(ex) && attempt < MaxAttempts)
            {
                _diagnostics.RecordSlaRetry();
            }
            catch (Exception ex) when (IsConflict(ex))
            {
                throw new ConcurrencyConflictException($"The SLA data kept changing concurrently; {MaxAttempts} attempts failed. Try again.", ex);
            }
        }
    }

    public async Task<T> ReadAsync<T>(Func<ISlaSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        return await work(new EfSlaSession(db, _dialect, _cache, readOnly: true), cancellationToken);
    }

    private bool IsConflict(Exception exception) =>
        exception is DbUpdateConcurrencyException or ConcurrencyConflictException || _dialect.IsConflict(exception);
}
