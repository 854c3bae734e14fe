using System.Diagnostics.Metrics;

namespace EscalationFlows.Persistence.Diagnostics;

/// <summary>
/// Counts what the stores write, for tests and the benchmarks: burst commits, database transactions committed and
/// SaveChanges calls. One instance per service provider; every count also goes to the <see cref="Meter"/>
/// <c>EscalationFlows.Persistence</c> (instruments <c>escalationflows.store.commits</c>,
/// <c>escalationflows.store.transactions</c>, <c>escalationflows.store.save_changes</c>).
/// </summary>
public sealed class StoreDiagnostics
{
    public const string MeterName = "EscalationFlows.Persistence";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> CommitCounter = Meter.CreateCounter<long>("escalationflows.store.commits", description: "Bursts committed by the workflow store.");
    private static readonly Counter<long> TransactionCounter = Meter.CreateCounter<long>("escalationflows.store.transactions", description: "Database transactions committed by the stores.");
    private static readonly Counter<long> SaveChangesCounter = Meter.CreateCounter<long>("escalationflows.store.save_changes", description: "EF Core SaveChanges calls that wrote rows.");

    private long _commits;
    private long _transactions;
    private long _saveChanges;
    private long _slaRetries;

    /// <summary>Bursts committed (successful <c>CommitAsync</c> calls).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Explicit database transactions committed (bursts, definition changes).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    /// <summary>SaveChanges calls that completed.</summary>
    public long SaveChanges => Interlocked.Read(ref _saveChanges);

    /// <summary>SLA transactions run again after losing a race to a concurrent writer.</summary>
    public long SlaRetries => Interlocked.Read(ref _slaRetries);

    internal void RecordSlaRetry() => Interlocked.Increment(ref _slaRetries);

    internal void RecordCommit()
    {
        Interlocked.Increment(ref _commits);
        CommitCounter.Add(1);
    }

    internal void RecordTransaction()
    {
        Interlocked.Increment(ref _transactions);
        TransactionCounter.Add(1);
    }

    internal void RecordSaveChanges()
    {
        Interlocked.Increment(ref _saveChanges);
        SaveChangesCounter.Add(1);
    }
}
