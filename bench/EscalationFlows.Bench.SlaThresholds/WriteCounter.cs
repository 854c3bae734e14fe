using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscalationFlows.Bench.SlaThresholds;

/// <summary>
/// Counts what costs a durable flush: committed transactions, and write statements run outside a transaction that
/// changed rows (autocommit: each is its own commit; a statement that changed nothing writes no log). Reads are not
/// counted; a write returning rows (a lease claim) is counted whether or not it found any.
/// </summary>
public sealed class WriteCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private long _transactions;
    private long _autocommitWrites;

    public long Transactions => Interlocked.Read(ref _transactions);

    public long AutocommitWrites => Interlocked.Read(ref _autocommitWrites);

    public long Commits => Transactions + AutocommitWrites;

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0)
        {
            Count(command);
        }

        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Count(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _transactions);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _transactions);

    private void Count(DbCommand command)
    {
        if (command.Transaction is not null)
        {
            return;
        }

        var text = command.CommandText.TrimStart();
        if (text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _autocommitWrites);
        }
    }
}
