using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EscalationFlows.Persistence.Diagnostics;

/// <summary>Counts completed SaveChanges calls in <see cref="StoreDiagnostics"/>.</summary>
internal sealed class SaveChangesCountingInterceptor : SaveChangesInterceptor
{
    private readonly StoreDiagnostics _diagnostics;

    public SaveChangesCountingInterceptor(StoreDiagnostics diagnostics)
    {
        _diagnostics = diagnostics;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        _diagnostics.RecordSaveChanges();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _diagnostics.RecordSaveChanges();
        return ValueTask.FromResult(result);
    }
}
