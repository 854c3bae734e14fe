using System.Data.Common;
using EscalationFlows.Persistence.Configurations;
using EscalationFlows.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace EscalationFlows.Persistence.Providers;

/// <summary>
/// PostgreSQL claims rows with <c>FOR UPDATE SKIP LOCKED</c> and leases them in the same statement, so concurrent
/// pollers on several nodes split the due rows between them without waiting on each other and never lease one twice.
/// </summary>
internal sealed class PostgresDialect : StoreDialect
{
    private const string ClaimTimersSql =
        $"""
        UPDATE {TableNames.Timers} AS t SET lease_owner = @owner, lease_until = @lease_until, attempts = t.attempts + 1
        FROM (SELECT id FROM {TableNames.Timers}
              WHERE due_at <= @now AND (lease_until IS NULL OR lease_until < @now)
              ORDER BY due_at LIMIT @max
              FOR UPDATE SKIP LOCKED) AS due
        WHERE t.id = due.id
        RETURNING t.*
        """;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    public override Task<List<TimerRow>> ClaimTimersAsync(EscalationFlowsDbContext db, DateTimeOffset now, int max, string owner, TimeSpan lease,
        CancellationToken cancellationToken) =>
        db.Timers.FromSqlRaw(ClaimTimersSql, Parameter("owner", owner), Parameter("lease_until", now + lease), Parameter("now", now), Parameter("max", max))
            .AsNoTracking()
            .ToListAsync(cancellationToken);

    public override Task<List<OutboxMessageRow>> ClaimOutboxAsync(EscalationFlowsDbContext db, DateTimeOffset now, int max, string owner, TimeSpan lease,
        IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        List<DbParameter> parameters = [Parameter("owner", owner), Parameter("lease_until", now + lease), Parameter("now", now), Parameter("max", max)];
        var sql =
            $"""
            UPDATE {TableNames.Outbox} AS o SET lease_owner = @owner, lease_until = @lease_until, attempts = o.attempts + 1
            FROM (SELECT id FROM {TableNames.Outbox}
                  WHERE delivered_at IS NULL AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now){KindFilter(kinds, parameters, Parameter)}
                  ORDER BY created_at LIMIT @max
                  FOR UPDATE SKIP LOCKED) AS due
            WHERE o.id = due.id
            RETURNING o.*
            """;
        return db.Outbox.FromSqlRaw(sql, [.. parameters]).AsNoTracking().ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Read committed plus the advisory lock: a serializable snapshot would be taken before the lock is granted and
    /// then see stale rows; under the lock, read committed sees the previous writer's commit.
    /// </summary>
    public override System.Data.IsolationLevel DefinitionIsolation => System.Data.IsolationLevel.ReadCommitted;

    public override async Task LockDefinitionAsync(EscalationFlowsDbContext db, string definitionId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtextextended({0}, 7001))", [definitionId], cancellationToken);

    public override bool IsConflict(Exception exception) =>
        Find<PostgresException>(exception)?.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    public override DbParameter Parameter(string name, object? value) => new NpgsqlParameter(name, value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUniversalTime(),
        _ => value,
    });
}
