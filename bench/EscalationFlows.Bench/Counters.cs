using System.Globalization;
using EscalationFlows.Persistence.Diagnostics;

namespace EscalationFlows.Bench;

/// <summary>
/// Write counters at one moment: burst commits and explicit transactions from <see cref="StoreDiagnostics"/> (in process
/// only), and on PostgreSQL the database's committed transactions and the cluster's WAL syncs (each a flush to disk).
/// </summary>
public sealed record Counters(long? Bursts, long? Transactions, long? PgCommits, long? PgWalSyncs)
{
    /// <param name="diagnostics">The in-process store's counters, or null when another process (the server) does the writing.</param>
    public static async Task<Counters> CaptureAsync(StoreDiagnostics? diagnostics, BenchDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var postgres = await database.PostgresCountersAsync(otherProcesses: diagnostics is null);
        return new Counters(diagnostics?.Commits, diagnostics?.Transactions, postgres?.Commits, postgres?.WalSyncs);
    }

    /// <summary>"bursts 1.00, tx 1.00, pg commits 2.01, WAL syncs 0.43" per operation, for what was measured.</summary>
    public string PerOperation(Counters after, int operations)
    {
        ArgumentNullException.ThrowIfNull(after);
        var parts = new List<string>();
        Add("burst commits", Bursts, after.Bursts);
        Add("transactions", Transactions, after.Transactions);
        Add("PG commits", PgCommits, after.PgCommits);
        Add("PG WAL syncs", PgWalSyncs, after.PgWalSyncs);
        return parts.Count == 0 ? "–" : string.Join(", ", parts);

        void Add(string name, long? before, long? now)
        {
            if (before is { } b && now is { } a && operations > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {(a - b) / (double)operations:0.00}"));
            }
        }
    }
}
