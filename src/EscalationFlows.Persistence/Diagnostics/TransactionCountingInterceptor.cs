using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscalationFlows.Persistence.Diagnostics;

/// <summary>Feeds <see cref="StoreDiagnostics"/> with committed transactions and completed SaveChanges calls.</summary>
internal sealed class TransactionCountingInterceptor : DbTransactionInterceptor
{
    private readonly StoreDiagnostics _diagnostics;

    public TransactionCountingInterceptor(StoreDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => _diagnostics.RecordTransaction();

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _diagnostics.RecordTransaction();
        return Task.CompletedTask;
    }
}
