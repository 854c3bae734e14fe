using System.Data.Common;
using EscalationFlows.Persistence.Configurations;
using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// The little SQL that EF Core cannot express portably: lease claims of timers and outbox messages, the timer upsert,
/// and how each provider reports a conflicting write. Everything else goes through LINQ.
/// </summary>
internal abstract class StoreDialect
{
    private const string UpsertTimerSql =
        $"""
        INSERT INTO {TableNames.Timers} (id, kind, instance_id, bookmark_id, due_at, payload, lease_owner, lease_until, attempts)
        VALUES (@id, @kind, @instance_id, NULL, @due_at, @payload, NULL, NULL, 0)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, instance_id = excluded.instance_id, bookmark_id = NULL,
            due_at = excluded.due_at, payload = excluded.payload, lease_owner = NULL, lease_until = NULL, attempts = 0
        """;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Leases up to <paramref name="max"/> due timers (pending, or leased with an expired lease) in one statement.</summary>
    public abstract Task<List<TimerRow>> ClaimTimersAsync(EscalationFlowsDbContext db, DateTimeOffset now, int max, string owner, TimeSpan lease,
        CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> undelivered, due, unleased outbox messages in one statement.</summary>
    public abstract Task<List<OutboxMessageRow>> ClaimOutboxAsync(EscalationFlowsDbContext db, DateTimeOffset now, int max, string owner, TimeSpan lease,
        IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken);

    /// <summary>
    /// Serialises writers of one definition inside the current transaction (PostgreSQL: a transaction-scoped advisory
    /// lock; SQLite: nothing to do, its write transactions are already exclusive).
    /// </summary>
    public virtual System.Data.IsolationLevel DefinitionIsolation => System.Data.IsolationLevel.Serializable;

    /// <summary>
    /// Waits for this process's turn to write (a burst commit, a claim, a delivery mark). PostgreSQL: no wait, its row
    /// locks order writers. SQLite: one writer at a time, queued in arrival order, because SQLite allows one writer per
    /// file and a writer that finds the file locked sleeps in SQLite's busy handler in growing steps (up to 100 ms)
    /// instead of starting the moment the lock is free. Other processes on the same file still meet the busy timeout.
    /// </summary>
    public virtual ValueTask<WriteTurn> EnterWriteAsync(CancellationToken cancellationToken) => ValueTask.FromResult(default(WriteTurn));

    public virtual Task LockDefinitionAsync(EscalationFlowsDbContext db, string definitionId, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True for a unique-key violation, a serialization failure or a deadlock: another writer got there first.</summary>
    public abstract bool IsConflict(Exception exception);

    /// <summary>Creates a parameter for raw SQL, converting a <see cref="DateTimeOffset"/> the way the model stores it.</summary>
    public abstract DbParameter Parameter(string name, object? value);

    /// <summary>Inserts the timer, or replaces the row with that id (new due time, lease and attempts reset).</summary>
    public Task UpsertTimerAsync(EscalationFlowsDbContext db, TimerRow timer, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(UpsertTimerSql,
            [
                Parameter("id", timer.Id),
                Parameter("kind", timer.Kind),
                Parameter("instance_id", timer.InstanceId),
                Parameter("due_at", timer.DueAt),
                Parameter("payload", timer.Payload),
            ],
            cancellationToken);

    /// <summary>Like <see cref="UpsertTimerAsync"/> for many timers, in statements of up to 500 rows.</summary>
    public async Task UpsertTimersAsync(EscalationFlowsDbContext db, IReadOnlyList<TimerRow> timers, CancellationToken cancellationToken)
    {
        const int chunk = 500;
        for (var start = 0; start < timers.Count; start += chunk)
        {
            var rows = timers.Skip(start).Take(chunk).ToList();
            var parameters = new List<DbParameter>(rows.Count * 5);
            var values = new List<string>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.Add($"(@id{i}, @kind{i}, @instance_id{i}, NULL, @due_at{i}, @payload{i}, NULL, NULL, 0)");
                parameters.Add(Parameter($"id{i}", rows[i].Id));
                parameters.Add(Parameter($"kind{i}", rows[i].Kind));
                parameters.Add(Parameter($"instance_id{i}", rows[i].InstanceId));
                parameters.Add(Parameter($"due_at{i}", rows[i].DueAt));
                parameters.Add(Parameter($"payload{i}", rows[i].Payload));
            }

            var sql =
                $"""
                INSERT INTO {TableNames.Timers} (id, kind, instance_id, bookmark_id, due_at, payload, lease_owner, lease_until, attempts)
                VALUES {string.Join(", ", values)}
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, instance_id = excluded.instance_id, bookmark_id = NULL,
                    due_at = excluded.due_at, payload = excluded.payload, lease_owner = NULL, lease_until = NULL, attempts = 0
                """;
            await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
        }
    }

    protected static string KindFilter(IReadOnlyCollection<string>? kinds, List<DbParameter> parameters, Func<string, object?, DbParameter> parameter)
    {
        if (kinds is null)
        {
            return string.Empty;
        }

        var names = new List<string>(kinds.Count);
        foreach (var kind in kinds)
        {
            var name = $"kind{names.Count}";
            names.Add("@" + name);
            parameters.Add(parameter(name, kind));
        }

        return $" AND kind IN ({string.Join(", ", names)})";
    }

    protected static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }
}
